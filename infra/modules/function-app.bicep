// The Flex Consumption plan and the function app. Every connection is a service URI plus the
// user-assigned identity's client id: no key, SAS or storage connection string is ever set.

param location string
param tags object
param planName string
param appName string
param identityId string
param identityClientId string
param privateBlobEndpoint string
param privateQueueEndpoint string
param privateTableEndpoint string
param deploymentContainerName string
param siteBlobEndpoint string
param siteWebEndpoint string
param appInsightsConnectionString string

@description('Upper bound on instances; caps the cost of a runaway queue far above a small editorial team\'s load.')
param maximumInstanceCount int = 40

@description('Memory per instance; a PDF render holds fonts, hyphenation patterns and one document, well under 2 GB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2025-03-01' = {
  name: appName
  location: location
  // azd finds the app to deploy the `api` service to by this tag.
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        // Host storage: the Functions host's own leases and bookkeeping.
        { name: 'AzureWebJobsStorage__blobServiceUri', value: privateBlobEndpoint }
        { name: 'AzureWebJobsStorage__queueServiceUri', value: privateQueueEndpoint }
        { name: 'AzureWebJobsStorage__tableServiceUri', value: privateTableEndpoint }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
        // The app's private data, and the one connection of the render/publish queues: the triggers listen on
        // it and the app enqueues through it (StorageEndpoints.WorkflowConnection). Same account as host storage.
        { name: 'HiiaStorage__blobServiceUri', value: privateBlobEndpoint }
        { name: 'HiiaStorage__queueServiceUri', value: privateQueueEndpoint }
        { name: 'HiiaStorage__tableServiceUri', value: privateTableEndpoint }
        { name: 'HiiaStorage__credential', value: 'managedidentity' }
        { name: 'HiiaStorage__clientId', value: identityClientId }
        // The public site.
        { name: 'HiiaSite__blobServiceUri', value: siteBlobEndpoint }
        { name: 'HiiaSite__clientId', value: identityClientId }
        { name: 'HiiaSite__publicBaseUrl', value: siteWebEndpoint }
        // Telemetry, accepted only with the identity's Entra token (App Insights has local auth off).
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }
        // Easy Auth signs in users with a federated credential of this identity instead of a client
        // secret; the setting holds the identity's client id, which is not a secret.
        { name: 'OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID', value: identityClientId }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${privateBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      // Azure wants the version as '10.0', not '10'.
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
  }
}

// Deployments go through Entra (azd / OneDeploy); publishing-profile passwords are never needed.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'scm'
  properties: { allow: false }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'ftp'
  properties: { allow: false }
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
