#!/usr/bin/env sh
# azd postprovision hook: the fallback for the site's static website.
#
# main.bicep already enables static website through the Microsoft.Storage 2025-08-01 control-plane
# property (blobServices.staticWebsite). If the target region's ARM ignored or rejected that
# property, this turns the feature on through the data plane with the signed-in identity, so the
# web endpoint serves index.html and 404.html either way. Safe to run again.
#
# Needs: the Azure CLI signed in (`az login`, or azure/login in CI) as someone allowed to change the
# account's blob service properties (Storage Account Contributor or above on the site account).
# azd passes the deployment outputs as environment variables.
set -eu

: "${SITE_STORAGE_ACCOUNT_NAME:?run through azd (azd provision / azd up), which sets the deployment outputs}"
: "${AZURE_RESOURCE_GROUP:?run through azd (azd provision / azd up), which sets the deployment outputs}"

subscription="${AZURE_SUBSCRIPTION_ID:-$(az account show --query id -o tsv)}"
blob_service="/subscriptions/$subscription/resourceGroups/$AZURE_RESOURCE_GROUP/providers/Microsoft.Storage/storageAccounts/$SITE_STORAGE_ACCOUNT_NAME/blobServices/default"

# A relative URL makes `az rest` use the current cloud's management endpoint.
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

echo "Site web endpoint: ${SITE_WEB_ENDPOINT:-(see azd env get-values)}"
