# azd postprovision hook (Windows, PowerShell 7; postprovision.sh is the same for posix). Runs after every
# `azd provision` / `azd up`, and is safe to run again: each step first reads whether it is done.
#
#   1. The site's static website, as a fallback when ARM ignored main.bicep's blobServices.staticWebsite.
#   2. Sign-in: the app registration's redirect URI (Easy Auth's callback) and the federated credential that lets
#      the app's managed identity stand in for a client secret (OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID).
#   3. Where to go: the review desk and the site.
#
# Needs: the Azure CLI signed in (`az login`) as someone who may change the site account's blob service
# properties and owns the app registration. When the registration cannot be changed, the hook says what to run
# once by hand and goes on. azd passes the deployment outputs as environment variables.
$ErrorActionPreference = 'Stop'

foreach ($name in 'SITE_STORAGE_ACCOUNT_NAME', 'AZURE_RESOURCE_GROUP', 'AUTH_CLIENT_ID', 'APP_IDENTITY_PRINCIPAL_ID', 'EASY_AUTH_CALLBACK_URL', 'EASY_AUTH_ISSUER') {
    if (-not [Environment]::GetEnvironmentVariable($name)) {
        Write-Error "postprovision: $name is not set; run through azd (azd provision / azd up), which sets the deployment outputs."
        exit 1
    }
}
$clientId = $env:AUTH_CLIENT_ID
$callback = $env:EASY_AUTH_CALLBACK_URL
$identity = $env:APP_IDENTITY_PRINCIPAL_ID
$credentialName = 'hiia-easy-auth'
$credential = @{
    name      = $credentialName
    issuer    = $env:EASY_AUTH_ISSUER
    subject   = $identity
    audiences = @('api://AzureADTokenExchange')
} | ConvertTo-Json -Compress

# 1. Static website.
$subscription = if ($env:AZURE_SUBSCRIPTION_ID) { $env:AZURE_SUBSCRIPTION_ID } else { az account show --query id -o tsv }
$blobService = "/subscriptions/$subscription/resourceGroups/$($env:AZURE_RESOURCE_GROUP)/providers/Microsoft.Storage/storageAccounts/$($env:SITE_STORAGE_ACCOUNT_NAME)/blobServices/default"
$enabled = az rest --method get --url "$($blobService)?api-version=2025-08-01" --query 'properties.staticWebsite.enabled' -o tsv 2>$null
if ($enabled -eq 'true') {
    Write-Host "Static website already enabled on $($env:SITE_STORAGE_ACCOUNT_NAME) by the Bicep deployment."
}
else {
    Write-Host "Static website not reported by ARM on $($env:SITE_STORAGE_ACCOUNT_NAME); enabling it through the data plane."
    az storage blob service-properties update --account-name $env:SITE_STORAGE_ACCOUNT_NAME --static-website `
        --index-document index.html --404-document 404.html --auth-mode login --output none
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

# 2. Sign-in: the redirect URI and the federated credential of the app registration.
function Write-ByHand([string] $what) {
    Write-Warning "postprovision: could not $what on the app registration $clientId (the signed-in identity may not change it)."
    Write-Warning "  Run once, signed in as its owner:"
    Write-Warning "  az ad app update --id $clientId --web-redirect-uris $callback"
    Write-Warning "  az ad app federated-credential create --id $clientId --parameters '$credential'"
}

$uris = @(az ad app show --id $clientId --query 'web.redirectUris' -o tsv 2>$null)
if ($LASTEXITCODE -ne 0) {
    Write-ByHand 'read the redirect URIs'
}
else {
    if ($uris -contains $callback) {
        Write-Host "Redirect URI already set: $callback"
    }
    else {
        # Kept: any redirect URI already there (another environment of the same registration).
        az ad app update --id $clientId --web-redirect-uris @($uris + $callback | Where-Object { $_ }) --output none
        if ($LASTEXITCODE -eq 0) { Write-Host "Redirect URI added: $callback" } else { Write-ByHand 'add the redirect URI' }
    }

    $subjects = @(az ad app federated-credential list --id $clientId --query '[].subject' -o tsv 2>$null)
    if ($subjects -contains $identity) {
        Write-Host "Federated credential for the app's identity already set."
    }
    else {
        $file = New-TemporaryFile
        try {
            # A file, not an argument: Windows' quoting would strip the JSON's double quotes.
            Set-Content -Path $file -Value $credential -Encoding utf8
            az ad app federated-credential create --id $clientId --parameters "@$file" --output none
            if ($LASTEXITCODE -eq 0) { Write-Host "Federated credential added: the app's identity signs people in without a client secret." }
            else { Write-ByHand 'add the federated credential' }
        }
        finally {
            Remove-Item $file -ErrorAction SilentlyContinue
        }
    }
}

# 3. Where to go.
$desk = if ($env:REVIEW_DESK_URL) { $env:REVIEW_DESK_URL } else { "$($env:FUNCTION_APP_URL)/review/" }
Write-Host ''
Write-Host "Review desk: $desk"
Write-Host "Site:        $($env:SITE_WEB_ENDPOINT)"
