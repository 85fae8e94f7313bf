// The app's private account: Functions host storage, the deployment package container, drafts,
// previews, messages kept from the poison queues ('failed'), the search index's manifest ('search'), the revisions table and the work queues.
// Reachable with Entra tokens only.

param location string
param tags object
param name string
param deploymentContainerName string

@description('Days a deleted or overwritten draft/preview can be restored; the brief asks for at least 7.')
@minValue(7)
param softDeleteDays int = 14

resource account 'Microsoft.Storage/storageAccounts@2025-08-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    // Flex Consumption without a VNet reaches storage over its public endpoint; Entra RBAC is the gate.
    publicNetworkAccess: 'Enabled'
    networkAcls: { defaultAction: 'Allow', bypass: 'AzureServices' }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-08-01' = {
  parent: account
  name: 'default'
  properties: {
    isVersioningEnabled: true
    deleteRetentionPolicy: { enabled: true, days: softDeleteDays }
    containerDeleteRetentionPolicy: { enabled: true, days: softDeleteDays }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-08-01' = [
  for containerName in [deploymentContainerName, 'drafts', 'previews', 'failed', 'search']: {
    parent: blobService
    name: containerName
    properties: { publicAccess: 'None' }
  }
]

// The Functions host rewrites small blobs (locks, keys) in its own containers; with versioning on,
// each rewrite leaves a version behind. Dropping those after the soft-delete window keeps the account
// from growing forever without touching drafts or previews.
resource hostVersionCleanup 'Microsoft.Storage/storageAccounts/managementPolicies@2025-08-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'expire-host-blob-versions'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: ['blockBlob']
              prefixMatch: ['azure-webjobs-hosts/', 'azure-webjobs-secrets/']
            }
            actions: {
              version: { delete: { daysAfterCreationGreaterThan: softDeleteDays } }
            }
          }
        }
      ]
    }
  }
  dependsOn: [blobService]
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-08-01' = {
  parent: account
  name: 'default'
}

resource revisionsTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-08-01' = {
  parent: tableService
  name: 'revisions'
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-08-01' = {
  parent: account
  name: 'default'
}

// The poison queues are created up front so the poison handler's trigger has a queue to watch
// before the first failure.
resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-08-01' = [
  for queueName in ['render', 'publish', 'render-poison', 'publish-poison']: {
    parent: queueService
    name: queueName
  }
]

output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
