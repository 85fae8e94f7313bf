// Every role assignment of the deployment, in one place so a reviewer (and the tests) can see the
// whole grant at once. The app's identity gets data roles only, each on the one resource it needs.

param appPrincipalId string
param privateStorageName string
param siteStorageName string
param appInsightsName string

@description('Object ID of whoever runs azd; empty means no role for them.')
param deployerPrincipalId string = ''

// Built-in role definition IDs (the same in every tenant).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

resource privateStorage 'Microsoft.Storage/storageAccounts@2025-08-01' existing = {
  name: privateStorageName
}

resource siteStorage 'Microsoft.Storage/storageAccounts@2025-08-01' existing = {
  name: siteStorageName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

// Owner rather than Contributor: it is the role the Functions documentation lists for an
// identity-based AzureWebJobsStorage (the host manages leases and its own containers with it).
resource appBlobOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(privateStorage.id, appPrincipalId, roles.storageBlobDataOwner)
  scope: privateStorage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataOwner)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appQueueContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(privateStorage.id, appPrincipalId, roles.storageQueueDataContributor)
  scope: privateStorage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataContributor)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appTableContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(privateStorage.id, appPrincipalId, roles.storageTableDataContributor)
  scope: privateStorage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataContributor)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// The publish step writes pages and PDFs into `$web`; it never needs to manage the account.
resource appSiteBlobContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(siteStorage.id, appPrincipalId, roles.storageBlobDataContributor)
  scope: siteStorage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appMetricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, appPrincipalId, roles.monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// The person or pipeline running azd may publish to the site directly (`hiia publish --account-url`),
// which is how docs/deploy.md checks a fresh deployment before the editorial workflow is used.
// principalType is left out: azd runs as a user on a laptop and as a service principal in CI.
resource deployerSiteBlobContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(deployerPrincipalId)) {
  name: guid(siteStorage.id, deployerPrincipalId, roles.storageBlobDataContributor)
  scope: siteStorage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    principalId: deployerPrincipalId
  }
}
