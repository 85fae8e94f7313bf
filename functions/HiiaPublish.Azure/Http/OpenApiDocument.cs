using System.Text.Json;
using System.Text.Json.Nodes;

namespace HiiaPublish.Azure.Http;

/// <summary>
/// The API's OpenAPI 3.0 description. Its paths are made from <see cref="ApiRoutes.Api"/>, so the document names
/// exactly the routes the app answers; what each operation takes and answers is written by hand below, small and
/// reviewed with the route it describes. A route without a description, or a description without a route, stops
/// the document from being made at all (and the tests with it).
/// </summary>
public static class OpenApiDocument
{
    public static ApiResult Result() => new(200, "application/json; charset=utf-8", Bytes);

    // The document's server is /api, so its paths are the routes' templates without that prefix.
    private const string Server = "/api";

    private static readonly byte[] Bytes = Build(ApiRoutes.Api, Operations());

    /// <summary>The document for <paramref name="routes"/>, with the operation of each from <paramref name="operations"/> (by route name).</summary>
    internal static byte[] Build(IReadOnlyList<ApiRoute> routes, IReadOnlyDictionary<string, string> operations)
    {
        var undescribed = routes.Select(r => r.Name).Where(name => !operations.ContainsKey(name)).ToList();
        var unrouted = operations.Keys.Where(name => routes.All(r => r.Name != name)).ToList();
        if (undescribed.Count > 0 || unrouted.Count > 0)
            throw new InvalidOperationException("The OpenAPI operations and the route table disagree: " +
                $"routes without a description: [{string.Join(", ", undescribed)}]; descriptions without a route: [{string.Join(", ", unrouted)}].");

        var paths = new JsonObject();
        foreach (var route in routes)
        {
            if (!route.Template.StartsWith(ApiRoutes.ApiPrefix, StringComparison.Ordinal))
                throw new InvalidOperationException($"The route {route.Name} ({route.Template}) is not under {Server}, the document's server.");
            var key = "/" + route.Template[ApiRoutes.ApiPrefix.Length..];
            if (paths[key] is not JsonObject item) paths[key] = item = new JsonObject();
            item[route.Method.ToLowerInvariant()] = JsonNode.Parse(operations[route.Name]);
        }

        var document = JsonNode.Parse(Skeleton)!.AsObject();
        document["paths"] = paths;
        return JsonSerializer.SerializeToUtf8Bytes(document, new JsonSerializerOptions { WriteIndented = true });
    }

    private const string Skeleton = """
    {
      "openapi": "3.0.3",
      "info": { "title": "HiiaPublish workflow API", "version": "1.0",
        "description": "Drafts, renders, reviews and publishing of HIIA Perspectives. Errors are application/problem+json with 'diagnostics'. Sign-in is App Service Authentication (roles Editor, CopyEditor)." },
      "servers": [ { "url": "/api" } ],
      "paths": {},
      "components": {
        "parameters": {
          "slug": { "name": "slug", "in": "path", "required": true, "schema": { "type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$" } },
          "rev": { "name": "rev", "in": "path", "required": true, "schema": { "type": "string", "pattern": "^[0-9a-f]{64}$" } }
        },
        "responses": {
          "Problem": { "description": "A problem (RFC 9457) with 'diagnostics' where the draft has errors", "content": { "application/problem+json": {} } },
          "SignIn": { "description": "Nobody is signed in: a problem whose 'signInUrl' says where to sign in", "content": { "application/problem+json": {} } }
        }
      }
    }
    """;

    /// <summary>What each route of <see cref="ApiRoutes.Api"/> takes and answers, by the route's name.</summary>
    internal static Dictionary<string, string> Operations() => new(StringComparer.Ordinal)
    {
        ["ListDrafts"] = """
            { "summary": "List papers, newest activity first, each with its status and 'attention': {state: review|changes|problems|failed|none, revision, number}", "responses": { "200": { "description": "Drafts" }, "401": { "$ref": "#/components/responses/Problem" } } }
            """,
        ["UploadDraft"] = """
            { "summary": "Upload a draft (text/markdown, or multipart/form-data with the Markdown and its image/png or image/jpeg files; at most 2 MB)",
              "parameters": [ { "name": "file", "in": "query", "required": false, "schema": { "type": "string" }, "description": "The draft's file name for a text/markdown body" } ],
              "requestBody": { "required": true, "content": {
                "text/markdown": { "schema": { "type": "string" } },
                "multipart/form-data": { "schema": { "type": "object" } } } },
              "responses": { "202": { "description": "Queued for rendering; Location names the draft" }, "400": { "$ref": "#/components/responses/Problem" },
                "401": { "$ref": "#/components/responses/Problem" }, "403": { "$ref": "#/components/responses/Problem" }, "413": { "$ref": "#/components/responses/Problem" },
                "415": { "$ref": "#/components/responses/Problem" }, "422": { "$ref": "#/components/responses/Problem" } } }
            """,
        ["GetDraft"] = """
            { "summary": "A draft with every revision, newest first", "parameters": [ { "$ref": "#/components/parameters/slug" } ],
              "responses": { "200": { "description": "The draft" }, "404": { "$ref": "#/components/responses/Problem" } } }
            """,
        ["GetPreview"] = """
            { "summary": "The revision's preview PDF", "parameters": [ { "$ref": "#/components/parameters/slug" }, { "$ref": "#/components/parameters/rev" } ],
              "responses": { "200": { "description": "PDF", "content": { "application/pdf": {} } }, "404": { "$ref": "#/components/responses/Problem" }, "409": { "$ref": "#/components/responses/Problem" } } }
            """,
        ["GetSource"] = """
            { "summary": "The revision's Markdown exactly as uploaded (Editor, CopyEditor)", "parameters": [ { "$ref": "#/components/parameters/slug" }, { "$ref": "#/components/parameters/rev" } ],
              "responses": { "200": { "description": "Markdown", "content": { "text/markdown": { "schema": { "type": "string" } } } },
                "401": { "$ref": "#/components/responses/SignIn" }, "403": { "$ref": "#/components/responses/Problem" }, "404": { "$ref": "#/components/responses/Problem" } } }
            """,
        ["Approve"] = """
            { "summary": "Approve the latest rendered revision (CopyEditor, not its uploader), naming the SHA-256 of the PDF seen",
              "parameters": [ { "$ref": "#/components/parameters/slug" }, { "$ref": "#/components/parameters/rev" } ],
              "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": [ "pdfSha256" ],
                "properties": { "pdfSha256": { "type": "string", "pattern": "^[0-9a-fA-F]{64}$" } } } } } },
              "responses": { "202": { "description": "Approved; publishing is queued" }, "403": { "$ref": "#/components/responses/Problem" },
                "409": { "$ref": "#/components/responses/Problem" }, "412": { "$ref": "#/components/responses/Problem" } } }
            """,
        ["RequestChanges"] = """
            { "summary": "Send the revision back to the editor with a comment (CopyEditor, not its uploader)",
              "parameters": [ { "$ref": "#/components/parameters/slug" }, { "$ref": "#/components/parameters/rev" } ],
              "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": [ "comment" ],
                "properties": { "comment": { "type": "string", "maxLength": 4000 } } } } } },
              "responses": { "202": { "description": "Changes requested" }, "403": { "$ref": "#/components/responses/Problem" }, "409": { "$ref": "#/components/responses/Problem" } } }
            """,
        ["GetHistory"] = """
            { "summary": "The paper's timeline, oldest first: uploaded, problems-found, rendered, sent-back, replied, approved, published, failed, superseded; each with when, who (display name), the revision and its number",
              "parameters": [ { "$ref": "#/components/parameters/slug" } ],
              "responses": { "200": { "description": "{slug, events: [{kind, at, revision, number, by?, comment?, pages?, pdfSha256?, publicPath?, problems?, reason?}]}" },
                "401": { "$ref": "#/components/responses/Problem" }, "404": { "$ref": "#/components/responses/Problem" } } }
            """,
        ["GetText"] = """
            { "summary": "The revision's readable text from the parsed paper: front-matter fields by name, then headings, paragraphs and notes",
              "parameters": [ { "$ref": "#/components/parameters/slug" }, { "$ref": "#/components/parameters/rev" } ],
              "responses": { "200": { "description": "{slug, revision, number, blocks: [{kind, name, text}]}" }, "404": { "$ref": "#/components/responses/Problem" },
                "409": { "$ref": "#/components/responses/Problem" } } }
            """,
        ["Reply"] = """
            { "summary": "Answer a request for changes (Editor, CopyEditor): one more message in the revision's thread",
              "parameters": [ { "$ref": "#/components/parameters/slug" }, { "$ref": "#/components/parameters/rev" } ],
              "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": [ "comment" ],
                "properties": { "comment": { "type": "string", "maxLength": 2000 } } } } } },
              "responses": { "202": { "description": "The reply is recorded" }, "400": { "$ref": "#/components/responses/Problem" },
                "403": { "$ref": "#/components/responses/Problem" }, "409": { "$ref": "#/components/responses/Problem" } } }
            """,
        ["Me"] = """
            { "summary": "Who is signed in, their roles and what they may do (upload, read, review), with where to sign out",
              "responses": { "200": { "description": "{id, name, roles, capabilities: {upload, read, review}, signOutUrl, switchUserUrl?, siteUrl}" },
                "401": { "$ref": "#/components/responses/SignIn" } } }
            """,
        ["Health"] = """
            { "summary": "Liveness", "security": [], "responses": { "200": { "description": "Healthy" } } }
            """,
        ["OpenApi"] = """
            { "summary": "This description", "security": [], "responses": { "200": { "description": "OpenAPI 3.0", "content": { "application/json": {} } } } }
            """,
    };
}
