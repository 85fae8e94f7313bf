#!/usr/bin/env sh
# One-time setup of the identity GitHub Actions deploys with (.github/workflows/ci.yml, job `deploy`), run by a
# subscription Owner from a terminal signed in with `az login`. Safe to run again.
#
#   sh infra/ci-principal.sh OWNER/REPO
#
# It creates (or finds) the app registration "HiiaPublish CI" and gives it:
#   - a federated credential for the workflow's `environment: production` job. GitHub's token then names the
#     environment (repo:OWNER/REPO:environment:production), not the branch, so a branch or pull-request
#     credential (what `azd pipeline config` creates) would not match it and sign-in would fail;
#   - Contributor on the subscription: azd creates the resource group and everything in it;
#   - Role Based Access Control Administrator on the subscription, conditioned so that it can create and delete
#     assignments of the roles infra/modules/rbac.bicep grants and of no other role. Never Owner: the pipeline can
#     neither grant itself more nor hand out Owner or Contributor. (The role list is checked against the built
#     template by tests/HiiaPublish.Infrastructure.Tests; add a role there and here together.)
# Then it prints the repository variables to set (docs/deploy.md, "Continuous deployment from GitHub").
set -eu

repo="${1:?usage: sh infra/ci-principal.sh OWNER/REPO (the GitHub repository the workflow runs in)}"
name="HiiaPublish CI"

# The built-in roles the template assigns (the same ids in every tenant), as in infra/modules/rbac.bicep.
granted_roles="b7e6dc6d-f1e8-4753-8033-0f276bb0955b, ba92f5b4-2d11-453d-a403-e96b0029c9fe, 974c5e8b-45b9-4653-ba55-5f855dd0fb88, 0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3, 3913510d-42f4-4e42-8a64-420c390055eb"

subscription="$(az account show --query id -o tsv)"
tenant="$(az account show --query tenantId -o tsv)"
scope="/subscriptions/$subscription"

app_id="$(az ad app list --display-name "$name" --query "[0].appId" -o tsv)"
if [ -z "$app_id" ]; then
  app_id="$(az ad app create --display-name "$name" --query appId -o tsv)"
  echo "Created the app registration $name ($app_id)."
fi
sp_id="$(az ad sp show --id "$app_id" --query id -o tsv 2>/dev/null || az ad sp create --id "$app_id" --query id -o tsv)"

subject="repo:$repo:environment:production"
if az ad app federated-credential list --id "$app_id" --query "[].subject" -o tsv | grep -Fqx "$subject"; then
  echo "Federated credential for $subject already set."
else
  az ad app federated-credential create --id "$app_id" --output none --parameters \
    "{\"name\":\"github-production\",\"issuer\":\"https://token.actions.githubusercontent.com\",\"subject\":\"$subject\",\"audiences\":[\"api://AzureADTokenExchange\"]}"
  echo "Federated credential added for $subject."
fi

az role assignment create --assignee-object-id "$sp_id" --assignee-principal-type ServicePrincipal \
  --role Contributor --scope "$scope" --output none
echo "Contributor on $scope."

condition="((!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})) OR (@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {$granted_roles})) AND ((!(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'})) OR (@Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {$granted_roles}))"
az role assignment create --assignee-object-id "$sp_id" --assignee-principal-type ServicePrincipal \
  --role "Role Based Access Control Administrator" --scope "$scope" \
  --condition "$condition" --condition-version "2.0" \
  --description "May assign only the roles infra/modules/rbac.bicep grants" --output none
echo "Role Based Access Control Administrator on $scope, limited to the template's roles."

echo ""
echo "Set these variables on the GitHub repository (Settings, Secrets and variables, Actions, Variables):"
echo "  AZURE_CLIENT_ID=$app_id"
echo "  AZURE_TENANT_ID=$tenant"
echo "  AZURE_SUBSCRIPTION_ID=$subscription"
echo "and AZURE_ENV_NAME, AZURE_LOCATION, AUTH_CLIENT_ID as in docs/deploy.md."
