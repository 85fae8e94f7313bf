// HiiaPublish on Azure: one resource group holding the Functions app (Flex Consumption), its
// private storage, the public site's storage, monitoring and the app's managed identity.
// `azd up` deploys it with main.parameters.json; docs/deploy.md walks through a first deployment.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; seeds the resource group name and every resource name.')
param environmentName string

// The regions that offer Flex Consumption (`az functionapp list-flexconsumption-locations`); azd offers only these
// when it asks for a location, and a deployment elsewhere is refused before anything is created.
@minLength(1)
@description('Azure region for every resource; it must offer Flex Consumption.')
@allowed([
  'australiaeast'
  'australiasoutheast'
  'brazilsouth'
  'canadacentral'
  'centralindia'
  'centralus'
  'eastasia'
  'eastus'
  'eastus2'
  'francecentral'
  'germanywestcentral'
  'italynorth'
  'japaneast'
  'koreacentral'
  'northcentralus'
  'northeurope'
  'norwayeast'
  'southafricanorth'
  'southcentralus'
  'southeastasia'
  'southindia'
  'spaincentral'
  'swedencentral'
  'uaenorth'
  'uksouth'
  'ukwest'
  'westcentralus'
  'westeurope'
  'westus'
  'westus2'
  'westus3'
])
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object ID of the user or pipeline running azd; it may publish to the site. Empty: no role.')
param principalId string = ''

@minLength(1)
@description('Application (client) ID of the Entra ID app registration used by App Service Authentication.')
param authClientId string

var abbrs = loadJsonContent('abbreviations.json')
// Deterministic per subscription, environment and region, so a re-run updates rather than duplicates.
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var appName = '${abbrs.webSitesFunctions}${resourceToken}'
// Flex Consumption downloads the app package from this container with the app's identity.
var deploymentContainerName = 'app-package-${take(appName, 32)}'

resource rg 'Microsoft.Resources/resourceGroups@2024-11-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  scope: rg
  params: {
    location: location
    tags: tags
    name: '${abbrs.managedIdentityUserAssignedIdentities}${resourceToken}'
  }
}

module monitoring 'modules/monitoring.bicep' = {
  scope: rg
  params: {
    location: location
    tags: tags
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    appInsightsName: '${abbrs.insightsComponents}${resourceToken}'
  }
}

module privateStorage 'modules/storage-private.bicep' = {
  scope: rg
  params: {
    location: location
    tags: tags
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    deploymentContainerName: deploymentContainerName
  }
}

module siteStorage 'modules/storage-site.bicep' = {
  scope: rg
  params: {
    location: location
    tags: tags
    // Storage names allow 24 lowercase letters and digits: 'st' + 'web' + the 13-character token.
    name: '${abbrs.storageStorageAccounts}web${resourceToken}'
  }
}

module rbac 'modules/rbac.bicep' = {
  scope: rg
  params: {
    appPrincipalId: identity.outputs.principalId
    privateStorageName: privateStorage.outputs.name
    siteStorageName: siteStorage.outputs.name
    appInsightsName: monitoring.outputs.appInsightsName
    deployerPrincipalId: principalId
  }
}

module functionApp 'modules/function-app.bicep' = {
  scope: rg
  params: {
    location: location
    tags: tags
    planName: '${abbrs.webServerFarms}${resourceToken}'
    appName: appName
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    privateBlobEndpoint: privateStorage.outputs.blobEndpoint
    privateQueueEndpoint: privateStorage.outputs.queueEndpoint
    privateTableEndpoint: privateStorage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    siteBlobEndpoint: siteStorage.outputs.blobEndpoint
    siteWebEndpoint: siteStorage.outputs.webEndpoint
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
  }
  // The app starts pulling its package and leases as soon as it exists; its roles must be in place.
  dependsOn: [rbac]
}

module easyAuth 'modules/easy-auth.bicep' = {
  scope: rg
  params: {
    appName: functionApp.outputs.name
    authClientId: authClientId
  }
}

// azd stores these in the environment (.azure/<env>/.env); the hook and docs/deploy.md use them.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output FUNCTION_APP_NAME string = functionApp.outputs.name
output FUNCTION_APP_URL string = 'https://${functionApp.outputs.defaultHostName}'
output APP_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
output APP_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output PRIVATE_STORAGE_ACCOUNT_NAME string = privateStorage.outputs.name
output SITE_STORAGE_ACCOUNT_NAME string = siteStorage.outputs.name
output SITE_BLOB_ENDPOINT string = siteStorage.outputs.blobEndpoint
output SITE_WEB_ENDPOINT string = siteStorage.outputs.webEndpoint
// What the postprovision hook needs to connect sign-in (redirect URI, federated credential) and prints at the end.
output AUTH_CLIENT_ID string = authClientId
output REVIEW_DESK_URL string = 'https://${functionApp.outputs.defaultHostName}/review/'
output EASY_AUTH_CALLBACK_URL string = 'https://${functionApp.outputs.defaultHostName}/.auth/login/aad/callback'
output EASY_AUTH_ISSUER string = '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'

