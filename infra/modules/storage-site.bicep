// The public web site: the static website feature serves the `$web` container anonymously and
// read-only from the web endpoint. Everything else on the account stays private and keyless.

param location string
param tags object
param name string

@description('Days a deleted or overwritten page or PDF can be restored; the brief asks for at least 7.')
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
    // The web endpoint serves `$web` without container public access; keep blob endpoints private.
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: { defaultAction: 'Allow', bypass: 'AzureServices' }
  }
}

// staticWebsite is a control-plane property from Microsoft.Storage 2025-08-01 on; if a region rejects
// it, infra/hooks/postprovision.sh sets the same through the data plane (see docs/deploy.md).
resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-08-01' = {
  parent: account
  name: 'default'
  properties: {
    isVersioningEnabled: true
    deleteRetentionPolicy: { enabled: true, days: softDeleteDays }
    containerDeleteRetentionPolicy: { enabled: true, days: softDeleteDays }
    staticWebsite: {
      enabled: true
      indexDocument: 'index.html'
      errorDocument404Path: '404.html'
    }
  }
}

output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output webEndpoint string = account.properties.primaryEndpoints.web
