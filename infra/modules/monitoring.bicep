// Log Analytics + workspace-based Application Insights. Local (instrumentation-key) auth is off, so
// telemetry is accepted only from an Entra identity holding Monitoring Metrics Publisher.

param location string
param tags object
param logAnalyticsName string
param appInsightsName string

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    // The free retention period; longer history is not needed to debug a publishing pipeline.
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    DisableLocalAuth: true
  }
}

output appInsightsName string = appInsights.name
// Not a secret: with DisableLocalAuth the key inside it cannot ingest anything without an Entra token.
output appInsightsConnectionString string = appInsights.properties.ConnectionString
