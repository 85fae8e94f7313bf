#!/usr/bin/env sh
# azd postprovision hook (posix; postprovision.ps1 is the same for Windows). Runs after every `azd provision` /
# `azd up`, and is safe to run again: each step first reads whether it is done.
#
#   1. The site's static website, as a fallback: main.bicep enables it through the Microsoft.Storage 2025-08-01
#      control-plane property (blobServices.staticWebsite); if ARM in the region ignored that, it is turned on
#      through the data plane with the signed-in identity, so the web endpoint serves index.html and 404.html.
#   2. Sign-in, which needs the app's address and so can only be set now: the app registration's redirect URI
#      (Easy Auth's callback) and the federated credential that lets the app's managed identity stand in for a
#      client secret (OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID).
#   3. Where to go: the review desk and the site.
#
# Needs: the Azure CLI signed in (`az login`, or azure/login in CI) as someone who may change the site account's
# blob service properties and owns the app registration (or has Application Administrator). When the registration
# cannot be changed (a CI principal without directory rights) the hook says what to run once by hand and goes on.
# azd passes the deployment outputs as environment variables.
set -eu

need() { echo "postprovision: $1 is not set; run through azd (azd provision / azd up), which sets the deployment outputs." >&2; exit 1; }
[ -n "${SITE_STORAGE_ACCOUNT_NAME:-}" ] || need SITE_STORAGE_ACCOUNT_NAME
[ -n "${AZURE_RESOURCE_GROUP:-}" ] || need AZURE_RESOURCE_GROUP
[ -n "${AUTH_CLIENT_ID:-}" ] || need AUTH_CLIENT_ID
[ -n "${APP_IDENTITY_PRINCIPAL_ID:-}" ] || need APP_IDENTITY_PRINCIPAL_ID
[ -n "${EASY_AUTH_CALLBACK_URL:-}" ] || need EASY_AUTH_CALLBACK_URL
[ -n "${EASY_AUTH_ISSUER:-}" ] || need EASY_AUTH_ISSUER

# 1. Static website.
subscription="${AZURE_SUBSCRIPTION_ID:-$(az account show --query id -o tsv)}"
blob_service="/subscriptions/$subscription/resourceGroups/$AZURE_RESOURCE_GROUP/providers/Microsoft.Storage/storageAccounts/$SITE_STORAGE_ACCOUNT_NAME/blobServices/default"
enabled="$(az rest --method get --url "$blob_service?api-version=2025-08-01" \
  --query "properties.staticWebsite.enabled" -o tsv 2>/dev/null || true)"
if [ "$enabled" = "true" ]; then
  echo "Static website already enabled on $SITE_STORAGE_ACCOUNT_NAME by the Bicep deployment."
else
  echo "Static website not reported by ARM on $SITE_STORAGE_ACCOUNT_NAME; enabling it through the data plane."
  az storage blob service-properties update \
    --account-name "$SITE_STORAGE_ACCOUNT_NAME" \
    --static-website \
    --index-document index.html \
    --404-document 404.html \
    --auth-mode login \
    --output none
fi

# 2. Sign-in: the redirect URI and the federated credential of the app registration.
credential_name="hiia-easy-auth"
by_hand() {
  echo "postprovision: could not $1 on the app registration $AUTH_CLIENT_ID (the signed-in identity may not change it)." >&2
  echo "  Run once, signed in as its owner:" >&2
  echo "  az ad app update --id $AUTH_CLIENT_ID --web-redirect-uris $EASY_AUTH_CALLBACK_URL" >&2
  echo "  az ad app federated-credential create --id $AUTH_CLIENT_ID --parameters '{\"name\":\"$credential_name\",\"issuer\":\"$EASY_AUTH_ISSUER\",\"subject\":\"$APP_IDENTITY_PRINCIPAL_ID\",\"audiences\":[\"api://AzureADTokenExchange\"]}'" >&2
}

if uris="$(az ad app show --id "$AUTH_CLIENT_ID" --query "web.redirectUris" -o tsv 2>/dev/null)"; then
  if printf '%s\n' "$uris" | grep -Fqx "$EASY_AUTH_CALLBACK_URL"; then
    echo "Redirect URI already set: $EASY_AUTH_CALLBACK_URL"
  else
    # Kept: any redirect URI already there (another environment of the same registration).
    # shellcheck disable=SC2086
    if az ad app update --id "$AUTH_CLIENT_ID" --web-redirect-uris $uris "$EASY_AUTH_CALLBACK_URL" --output none; then
      echo "Redirect URI added: $EASY_AUTH_CALLBACK_URL"
    else
      by_hand "add the redirect URI"
    fi
  fi

  subjects="$(az ad app federated-credential list --id "$AUTH_CLIENT_ID" --query "[].subject" -o tsv 2>/dev/null || true)"
  if printf '%s\n' "$subjects" | grep -Fqx "$APP_IDENTITY_PRINCIPAL_ID"; then
    echo "Federated credential for the app's identity already set."
  elif az ad app federated-credential create --id "$AUTH_CLIENT_ID" --output none --parameters \
      "{\"name\":\"$credential_name\",\"issuer\":\"$EASY_AUTH_ISSUER\",\"subject\":\"$APP_IDENTITY_PRINCIPAL_ID\",\"audiences\":[\"api://AzureADTokenExchange\"]}"; then
    echo "Federated credential added: the app's identity signs people in without a client secret."
  else
    by_hand "add the federated credential"
  fi
else
  by_hand "read the redirect URIs"
fi

# 3. Where to go.
echo ""
echo "Review desk: ${REVIEW_DESK_URL:-${FUNCTION_APP_URL:-?}/review/}"
echo "Site:        ${SITE_WEB_ENDPOINT:-(see azd env get-values)}"
