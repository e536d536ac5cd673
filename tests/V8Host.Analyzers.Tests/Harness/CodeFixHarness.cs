using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace V8Host.Analyzers.Tests.Harness;

/// <summary>Applies a code fix in an <see cref="AdhocWorkspace"/> and returns the fixed text.</summary>
public static class CodeFixHarness
{
    public static async Task<Document> CreateDocumentAsync(string code)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var info = ProjectInfo.Create(projectId, VersionStamp.Create(), "TestProject", "TestProject", LanguageNames.CSharp,
            compilationOptions: AnalyzerHarness.CompilationOptions(AnalyzerHarness.KindFor(code)),
            parseOptions: AnalyzerHarness.ParseOptions,
            metadataReferences: AnalyzerHarness.References);
        var solution = workspace.CurrentSolution.AddProject(info)
            .AddDocument(DocumentId.CreateNewId(projectId), "Test0.cs", SourceText.From(code), filePath: "/src/Test0.cs");
        Assert.True(workspace.TryApplyChanges(solution));
        var document = workspace.CurrentSolution.Projects.Single().Documents.Single();
        var compilation = await document.Project.GetCompilationAsync();
        AnalyzerHarness.AssertNoCompileErrors(compilation!);
        return document;
    }

    /// <summary>The code actions <paramref name="fix"/> offers for each <paramref name="ruleId"/> diagnostic in <paramref name="document"/>.</summary>
    public static async Task<List<(Diagnostic Diagnostic, CodeAction Action)>> GetActionsAsync(Document document, CodeFixProvider fix, string ruleId)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = (await AnalyzerHarness.AnalyzeAsync(compilation)).Where(d => d.Id == ruleId).ToList();
        var actions = new List<(Diagnostic, CodeAction)>();
        foreach (var diagnostic in diagnostics)
        {
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add((diagnostic, action)), CancellationToken.None);
            await fix.RegisterCodeFixesAsync(context);
        }

        return actions;
    }

    /// <summary>Applies the single fix offered for the single <paramref name="ruleId"/> diagnostic and returns the new text.</summary>
    public static async Task<string> ApplySingleFixAsync(string code, CodeFixProvider fix, string ruleId)
    {
        var document = await CreateDocumentAsync(code);
        var actions = await GetActionsAsync(document, fix, ruleId);
        var (_, action) = Assert.Single(actions);
        return await ApplyAsync(document, action);
    }

    public static async Task<string> ApplyAsync(Document document, CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var apply = Assert.Single(operations.OfType<ApplyChangesOperation>());
        var changed = apply.ChangedSolution.GetDocument(document.Id)!;
        var text = await changed.GetTextAsync();
        return text.ToString();
    }
}
