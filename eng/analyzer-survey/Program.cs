using System.Collections.Immutable;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

// dotnet run --project eng/analyzer-survey -- <checkout> [project-name-filter]
//
// Compiles every non-test C# project of <checkout> in dependency order (each one sees the projects it references as
// compilations), against ASP.NET Core, EF Core, the libraries this survey references and Streaming.Generators, as if
// the package were installed; runs every Streaming analyzer and prints what each reports, with the count of compile
// errors that tell how much of the project bound (an unresolved library leaves its calls unbound).
var root = Path.GetFullPath(args[0]);
var filter = args.Length > 1 ? args[1] : null;

var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
    .Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.dll"))
    .Where(p => !Path.GetFileName(p).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) && !p.Contains("AnalyzerSurvey"))
    .GroupBy(Path.GetFileName)
    .Select(g => (MetadataReference)MetadataReference.CreateFromFile(g.First()))
    .ToList();
var analyzers = typeof(Streaming.Analyzers.StreamingAnalyzer).Assembly.GetTypes()
    .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
    .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
    .ToImmutableArray();

var projects = Directory.GetFiles(root, "*.csproj", SearchOption.AllDirectories)
    .Where(p => !p.Contains("test", StringComparison.OrdinalIgnoreCase))
    .ToDictionary(p => Path.GetFullPath(p), Project.Read);
var compiled = new Dictionary<string, CSharpCompilation>();
foreach (var path in projects.Keys.OrderBy(p => p, StringComparer.Ordinal))
{
    Compile(path);
}

CSharpCompilation Compile(string path)
{
    if (compiled.TryGetValue(path, out var done))
    {
        return done;
    }

    var project = projects[path];
    var dependencies = project.References.Where(projects.ContainsKey).Select(Compile).Select(c => c.ToMetadataReference());
    var parse = new CSharpParseOptions(LanguageVersion.Latest);
    var trees = project.Sources.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, f))
        .Append(CSharpSyntaxTree.ParseText(project.GlobalUsings, parse, "GlobalUsings.g.cs"));
    var compilation = CSharpCompilation.Create(
        Path.GetFileNameWithoutExtension(path),
        trees,
        references.Concat(dependencies),
        new CSharpCompilationOptions(project.Executable ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    compiled[path] = compilation;
    if (filter is not null && !path.Contains(filter, StringComparison.OrdinalIgnoreCase))
    {
        return compilation;
    }

    var errors = compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
    var failures = new List<string>();
    var options = new CompilationWithAnalyzersOptions(
        new AnalyzerOptions([]), (e, a, _) => failures.Add($"{a.GetType().Name}: {e.Message}"), concurrentAnalysis: true, logAnalyzerExecutionTime: false);
    var diagnostics = compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    Console.WriteLine($"## {Path.GetRelativePath(root, path)}: {project.Sources.Count} files, {errors} compile errors, {diagnostics.Length} diagnostics, {failures.Count} analyzer failures");
    foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceTree?.FilePath).ThenBy(d => d.Location.SourceSpan.Start))
    {
        var line = diagnostic.Location.GetLineSpan();
        Console.WriteLine($"{diagnostic.Id} {Path.GetRelativePath(root, line.Path)}:{line.StartLinePosition.Line + 1}: {diagnostic.GetMessage()}");
    }

    failures.ForEach(Console.WriteLine);
    if (Environment.GetEnvironmentVariable("SURVEY_ERRORS") == "1")
    {
        foreach (var error in compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).GroupBy(d => d.GetMessage()).Take(40))
        {
            Console.WriteLine($"  error ×{error.Count()}: {error.Key}");
        }
    }

    return compilation;
}

/// <summary>What the survey needs of a .csproj: its sources, global usings and project references.</summary>
internal sealed record Project(List<string> Sources, string GlobalUsings, List<string> References, bool Executable)
{
    private static readonly string[] s_webUsings =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Net.Http.Json", "System.Threading",
        "System.Threading.Tasks", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    public static Project Read(string path)
    {
        var directory = Path.GetDirectoryName(path)!;
        var xml = XDocument.Load(path);

        // The project and the Directory.Build.props above it, as MSBuild imports them.
        var files = new List<XDocument> { xml };
        for (var up = directory; up is not null; up = Path.GetDirectoryName(up))
        {
            if (File.Exists(Path.Combine(up, "Directory.Build.props")))
            {
                files.Add(XDocument.Load(Path.Combine(up, "Directory.Build.props")));
                break;
            }
        }

        var elements = files.SelectMany(f => f.Descendants()).ToList();
        var items = elements.Where(e => e.Name.LocalName == "Using").Select(e => (string?)e.Attribute("Include")).OfType<string>();
        var implicitUsings = elements.Any(e => e.Name.LocalName == "ImplicitUsings" && e.Value.Trim() is "enable" or "true");
        var usings = (implicitUsings ? s_webUsings : []).Concat(items).Distinct().Select(u => $"global using global::{u};");
        var sources = Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .ToList();
        var references = xml.Descendants().Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => Path.GetFullPath(Path.Combine(directory, ((string)e.Attribute("Include")!).Replace('\\', '/'))))
            .ToList();
        var executable = ((string?)xml.Root?.Attribute("Sdk"))?.Contains("Web", StringComparison.Ordinal) == true
                         || elements.Any(e => e.Name.LocalName == "OutputType" && e.Value.Trim() == "Exe");
        return new Project(sources, string.Join("\n", usings), references, executable);
    }
}
