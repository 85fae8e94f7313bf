using System.Text;

namespace HiiaPublish.Azure.Http;

/// <summary>The API's OpenAPI 3.0 description, written by hand: small, and reviewed with the routes it describes.</summary>
public static class OpenApiDocument
{
    public static ApiResult Result() => new(200, "application/json; charset=utf-8", Bytes);

    private static readonly byte[] Bytes = Encoding.UTF8.GetBytes("""
    {
      "openapi": "3.0.3",
      "info": { "title": "HiiaPublish workflow API", "version": "1.0",
        "description": "Drafts, renders, reviews and publishing of HIIA Perspectives. Errors are application/problem+json with 'diagnostics'. Sign-in is App Service Authentication (roles Editor, CopyEditor)." },
      "servers": [ { "url": "/api" } ],
      "paths": {
        "/drafts": {
          "get": { "summary": "List drafts and their latest revision", "responses": { "200": { "description": "Drafts" }, "401": { "$ref": "#/components/responses/Problem" } } },
          "post": { "summary": "Upload a draft (text/markdown, or multipart/form-data with the Markdown and its image/png or image/jpeg files; at most 2 MB)",
            "parameters": [ { "name": "file", "in": "query", "required": false, "schema": { "type": "string" }, "description": "The draft's file name for a text/markdown body" } ],
            "requestBody": { "required": true, "content": {
              "text/markdown": { "schema": { "type": "string" } },
              "multipart/form-data": { "schema": { "type": "object" } } } },
            "responses": { "202": { "description": "Queued for rendering; Location names the draft" }, "400": { "$ref": "#/components/responses/Problem" },
              "401": { "$ref": "#/components/responses/Problem" }, "403": { "$ref": "#/components/responses/Problem" }, "413": { "$ref": "#/components/responses/Problem" },
              "415": { "$ref": "#/components/responses/Problem" }, "422": { "$ref": "#/components/responses/Problem" } } }
        },
        "/drafts/{slug}": {
          "get": { "summary": "A draft with every revision, newest first", "parameters": [ { "$ref": "#/components/parameters/slug" } ],
            "responses": { "200": { "description": "The draft" }, "404": { "$ref": "#/components/responses/Problem" } } }
        },
        "/drafts/{slug}/revisions/{rev}/preview.pdf": {
          "get": { "summary": "The revision's preview PDF", "parameters": [ { "$ref": "#/components/parameters/slug" }, { "$ref": "#/components/parameters/rev" } ],
            "responses": { "200": { "description": "PDF", "content": { "application/pdf": {} } }, "404": { "$ref": "#/components/responses/Problem" }, "409": { "$ref": "#/components/responses/Problem" } } }
        },
        "/drafts/{slug}/revisions/{rev}/approve": {
          "post": { "summary": "Approve the latest rendered revision (CopyEditor, not its uploader), naming the SHA-256 of the PDF seen",
            "parameters": [ { "$ref": "#/components/parameters/slug" }, { "$ref": "#/components/parameters/rev" } ],
            "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": [ "pdfSha256" ],
              "properties": { "pdfSha256": { "type": "string", "pattern": "^[0-9a-fA-F]{64}$" } } } } } },
            "responses": { "202": { "description": "Approved; publishing is queued" }, "403": { "$ref": "#/components/responses/Problem" },
              "409": { "$ref": "#/components/responses/Problem" }, "412": { "$ref": "#/components/responses/Problem" } } }
        },
        "/drafts/{slug}/revisions/{rev}/request-changes": {
          "post": { "summary": "Send the revision back to the editor with a comment (CopyEditor, not its uploader)",
            "parameters": [ { "$ref": "#/components/parameters/slug" }, { "$ref": "#/components/parameters/rev" } ],
            "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": [ "comment" ],
              "properties": { "comment": { "type": "string", "maxLength": 4000 } } } } } },
            "responses": { "202": { "description": "Changes requested" }, "403": { "$ref": "#/components/responses/Problem" }, "409": { "$ref": "#/components/responses/Problem" } } }
        },
        "/health": { "get": { "summary": "Liveness", "security": [], "responses": { "200": { "description": "Healthy" } } } }
      },
      "components": {
        "parameters": {
          "slug": { "name": "slug", "in": "path", "required": true, "schema": { "type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$" } },
          "rev": { "name": "rev", "in": "path", "required": true, "schema": { "type": "string", "pattern": "^[0-9a-f]{64}$" } }
        },
        "responses": { "Problem": { "description": "A problem (RFC 9457) with 'diagnostics' where the draft has errors", "content": { "application/problem+json": {} } } }
      }
    }
    """);
}
