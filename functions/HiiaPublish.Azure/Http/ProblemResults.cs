using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HiiaPublish.Workflow;
using Microsoft.AspNetCore.Http;

namespace HiiaPublish.Azure.Http;

/// <summary>A workflow refusal as an HTTP problem: the kind decides the status, the rest is passed through.</summary>
public static partial class ProblemResults
{
    public static int StatusOf(ProblemKind kind) => kind switch
    {
        ProblemKind.BadRequest => 400,
        ProblemKind.Unauthorized => 401,
        ProblemKind.Forbidden => 403,
        ProblemKind.NotFound => 404,
        ProblemKind.Conflict => 409,
        ProblemKind.PreconditionFailed => 412,
        ProblemKind.TooLarge => 413,
        ProblemKind.UnsupportedMediaType => 415,
        _ => 422,
    };

    public static ApiResult From(WorkflowProblem problem, IReadOnlyDictionary<string, string>? headers = null) =>
        ApiResult.Problem(StatusOf(problem.Kind), problem.Title, problem.Detail, problem.Diagnostics, problem.Slug, problem.Revision, headers);

    public static ApiResult BadRequest(string detail) => ApiResult.Problem(400, "Bad request", detail);

    /// <summary>"hu" when the request's Accept-Language ranks Hungarian above English, else "en".</summary>
    public static string LanguageOf(HttpRequest request)
    {
        var ranges = request.GetTypedHeaders().AcceptLanguage;
        if (ranges is null) return "en";
        foreach (var range in ranges.OrderByDescending(r => r.Quality ?? 1.0))
        {
            var primary = range.Value.Value?.Split('-')[0].ToLowerInvariant();
            if (primary is "hu" or "en") return primary;
        }
        return "en";
    }

    /// <summary>
    /// The problem answer with its title and detail in the request's language (en, hu); every other answer as it
    /// is. Sentences this table does not know stay English rather than being guessed at.
    /// </summary>
    public static ApiResult Localised(ApiResult result, HttpRequest request)
    {
        if (result.ContentType != ApiResult.ProblemContentType || LanguageOf(request) != "hu") return result;
        if (JsonNode.Parse(result.Body) is not JsonObject body) return result;
        if (body["title"]?.GetValue<string>() is { } title && Titles.TryGetValue(title, out var huTitle)) body["title"] = huTitle;
        if (body["detail"]?.GetValue<string>() is { } detail && Hungarian(detail) is { } huDetail) body["detail"] = huDetail;
        var headers = new Dictionary<string, string>(result.Headers) { ["Content-Language"] = "hu" };
        return new ApiResult(result.Status, result.ContentType, JsonSerializer.SerializeToUtf8Bytes(body, WorkflowJson.Options), headers);
    }

    /// <summary>The Hungarian sentence for an English detail the API gives, or null when it is not one we translate.</summary>
    public static string? Hungarian(string detail)
    {
        foreach (var (pattern, hungarian) in Details)
        {
            var match = pattern.Match(detail);
            if (match.Success) return StateWords().Replace(pattern.Replace(detail, hungarian), m => States.GetValueOrDefault(m.Groups[1].Value, m.Groups[1].Value) + ";");
        }
        return null;
    }

    private static readonly Dictionary<string, string> Titles = new(StringComparer.Ordinal)
    {
        ["Sign-in required"] = "Bejelentkezés szükséges",
        ["Unreadable sign-in"] = "Olvashatatlan bejelentkezés",
        ["Editors only"] = "Csak szerkesztőknek",
        ["Editors and copy editors only"] = "Csak szerkesztőknek és olvasószerkesztőknek",
        ["Copy editors only"] = "Csak olvasószerkesztőknek",
        ["Four eyes"] = "Négy szem elve",
        ["Not found"] = "Nem található",
        ["Not ready for review"] = "Még nem bírálható",
        ["A newer revision exists"] = "Van újabb változat",
        ["Changed meanwhile"] = "Időközben megváltozott",
        ["Which PDF did you see?"] = "Melyik PDF-et látta?",
        ["Not the PDF of this revision"] = "Nem ennek a változatnak a PDF-je",
        ["The PDF fails the accessibility audit"] = "A PDF nem felel meg az akadálymentességi ellenőrzésnek",
        ["A comment is needed"] = "Megjegyzés szükséges",
        ["A reply is needed"] = "Válasz szükséges",
        ["Nothing to reply to"] = "Nincs mire válaszolni",
        ["The thread is full"] = "A beszélgetés megtelt",
        ["No preview yet"] = "Még nincs előnézet",
        ["No readable text"] = "Nincs olvasható szöveg",
        ["The draft has errors"] = "A kézirat hibás",
        ["The draft has no usable slug"] = "A kéziratnak nincs használható azonosítója (slug)",
        ["Bad file name"] = "Hibás fájlnév",
        ["Bad request"] = "Hibás kérés",
        ["Upload too large"] = "Túl nagy feltöltés",
        ["Too many files"] = "Túl sok fájl",
        ["Not an image"] = "Nem kép",
        ["Unsupported content type"] = "Nem támogatott tartalomtípus",
        ["JSON expected"] = "JSON szükséges",
        ["Body too large"] = "Túl nagy kérés",
        ["Internal error"] = "Belső hiba",
    };

    private static readonly (Regex Pattern, string Hungarian)[] Details =
    [
        (Rx(@"^You uploaded this revision, so you cannot (approve|request changes to) it yourself: another copy editor must review it\.$"),
            "Ezt a változatot Ön töltötte fel, ezért nem bírálhatja saját maga: egy másik olvasószerkesztőnek kell bírálnia."),
        (Rx(@"^Only a copy editor can (approve|request changes to) a revision, and your account does not have the CopyEditor role; ask a copy editor to review it\.$"),
            "Változatot csak olvasószerkesztő bírálhat, és az Ön fiókjának nincs CopyEditor szerepköre; kérjen meg egy olvasószerkesztőt a bírálatra."),
        (Rx(@"^Revision (\w+) of '([^']*)' was uploaded after this one; review the latest revision instead\.$"),
            "A(z) '$2' tanulmány $1 változatát ez után töltötték fel; a legutóbbi változatot bírálja."),
        (Rx(@"^This revision is ([\w-]+); only a rendered revision can be reviewed\.$"),
            "Ez a változat most ilyen állapotú: $1; csak kiszedett változat bírálható."),
        (Rx(@"^Someone else reviewed this revision at the same moment; reload it to see their decision\.$"),
            "Valaki más ugyanebben a pillanatban bírálta ezt a változatot; töltse be újra, hogy lássa a döntését."),
        (Rx(@"^The same draft was being uploaded at the same moment; send it again\.$"),
            "Ugyanezt a kéziratot ugyanekkor is feltöltötték; küldje el újra."),
        (Rx(@"^Sign in with your institute account; the request carried no identity the app trusts\.$"),
            "Jelentkezzen be az intézeti fiókjával; a kérés nem hordozott olyan azonosítót, amelyben az alkalmazás megbízik."),
        (Rx(@"^Sign in with your institute account to use the review desk\.$"),
            "A szerkesztőségi asztal használatához jelentkezzen be az intézeti fiókjával."),
        (Rx(@"^Drafts are visible to people with the Editor or CopyEditor role; ask an administrator to give you one\.$"),
            "A kéziratokat az Editor vagy CopyEditor szerepkörrel rendelkezők látják; kérjen egyet egy rendszergazdától."),
        (Rx(@"^Only people with the Editor or CopyEditor role can upload drafts; ask an administrator to give you the Editor role\.$"),
            "Kéziratot csak Editor vagy CopyEditor szerepkörrel lehet feltölteni; kérje az Editor szerepkört egy rendszergazdától."),
        (Rx(@"^There is no draft '([^']*)'\.$"), "Nincs '$1' nevű kézirat."),
        (Rx(@"^There is no revision '([^']*)' of '([^']*)'\.$"), "A(z) '$2' kéziratnak nincs '$1' változata."),
        (Rx(@"^There is no such revision of '([^']*)'\.$"), "A(z) '$1' kéziratnak nincs ilyen változata."),
        (Rx(@"^Fix the problems listed in 'diagnostics' and upload the draft again\.$"),
            "Javítsa a 'diagnostics' alatt felsorolt hibákat, és töltse fel újra a kéziratot."),
        (Rx(@"^Say what the editor should change in 'comment' \(1 to (\d+) characters\)\.$"),
            "Írja le a 'comment' mezőben, min változtasson a szerkesztő (1–$1 karakter)."),
        (Rx(@"^Write your answer in 'comment' \(1 to (\d+) characters\)\.$"), "Írja a válaszát a 'comment' mezőbe (1–$1 karakter)."),
        (Rx(@"^A reply answers a copy editor's request for changes, and this revision was not sent back\.$"),
            "Válaszolni egy olvasószerkesztő javítási kérésére lehet, és ezt a változatot nem küldték vissza."),
        (Rx(@"^This revision already has (\d+) replies; upload a corrected revision, or talk to the copy editor directly\.$"),
            "Ennél a változatnál már $1 válasz van; töltsön fel javított változatot, vagy beszéljen közvetlenül az olvasószerkesztővel."),
        (Rx(@"^Send the SHA-256 of the preview PDF you reviewed as 'pdfSha256' \(64 hexadecimal characters\)\.$"),
            "Küldje el a bírált előnézeti PDF SHA-256 ujjlenyomatát 'pdfSha256' néven (64 hexadecimális karakter)."),
        (Rx(@"^The PDF you approved \(SHA-256 (\w+)…\) is not this revision's preview \((\w+)…\); open the preview again and approve what you see\.$"),
            "A jóváhagyott PDF (SHA-256 $1…) nem ennek a változatnak az előnézete ($2…); nyissa meg újra az előnézetet, és azt hagyja jóvá, amit lát."),
        (Rx(@"^This revision is ([\w-]+); a preview exists once it is rendered\.$"), "Ez a változat most ilyen állapotú: $1; előnézet a szedés után lesz."),
        (Rx(@"^This revision does not read as a paper \(it has problems\), so it has no text to compare; see its problems instead\.$"),
            "Ez a változat hibás, ezért nincs összehasonlítható szövege; nézze meg a hibáit."),
        (Rx(@"^Something went wrong on our side; try again in a minute\. If it persists, tell the site's administrator\.$"),
            "Hiba történt nálunk; próbálja újra egy perc múlva. Ha nem múlik el, szóljon az oldal rendszergazdájának."),
    ];

    // A state named inside a sentence ("This revision is approved; …") in the desk's Hungarian words for it.
    private static readonly Dictionary<string, string> States = new(StringComparer.Ordinal)
    {
        ["invalid"] = "hibás", ["queued"] = "szedésre vár", ["rendering"] = "szedés folyamatban", ["rendered"] = "bírálatra kész",
        ["changes-requested"] = "visszaküldve", ["approved"] = "jóváhagyva", ["published"] = "megjelent", ["failed"] = "sikertelen",
    };

    [GeneratedRegex(@"(?<=állapotú: )([\w-]+);", RegexOptions.CultureInvariant)]
    private static partial Regex StateWords();

    private static Regex Rx(string pattern) => new(pattern, RegexOptions.CultureInvariant);
}
