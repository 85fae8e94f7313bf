// App Service Authentication (Easy Auth) with Entra ID in front of the whole app: the platform
// validates the token, injects X-MS-CLIENT-PRINCIPAL (with the Editor/CopyEditor app roles) and
// sets WEBSITE_AUTH_ENABLED, which is what makes the app trust that header.

param appName string

@description('Application (client) ID of the Entra ID app registration that defines the Editor and CopyEditor roles.')
param authClientId string

@description('Paths reachable without signing in: only the health probe; /api and /review always need a user.')
param anonymousPaths array = ['/api/health']

resource app 'Microsoft.Web/sites@2025-03-01' existing = {
  name: appName
}

resource authSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: { enabled: true }
    globalValidation: {
      requireAuthentication: true
      // 401 rather than a login redirect: the API's callers are scripts and the review desk's own
      // fetch calls, which cannot follow a redirect to a sign-in page. People sign in through
      // /.auth/login/aad?post_login_redirect_uri=/review (docs/deploy.md).
      unauthenticatedClientAction: 'Return401'
      excludedPaths: anonymousPaths
    }
    httpSettings: { requireHttps: true }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: authClientId
          // The user-assigned identity's federated credential stands in for a client secret.
          clientSecretSettingName: 'OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID'
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: ['api://${authClientId}', authClientId]
        }
      }
    }
    login: {
      // Flex Consumption has no shared file system for the token store, and the app never calls
      // downstream APIs as the user, so tokens are not kept.
      tokenStore: { enabled: false }
    }
  }
}
