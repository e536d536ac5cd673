using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace V8Host.Analyzers.CodeFixes
{
    /// <summary>V8H1005: turns <c>var context = …;</c> into <c>using var context = …;</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddUsingCodeFix)), Shared]
    public sealed class AddUsingCodeFix : CodeFixProvider
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("V8H1005");

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var node = root?.FindNode(context.Span);
            var statement = node?.FirstAncestorOrSelf<LocalDeclarationStatementSyntax>();
            if (root is null || statement is null || !statement.UsingKeyword.IsKind(SyntaxKind.None) || statement.Parent is not (BlockSyntax or GlobalStatementSyntax or SwitchSectionSyntax))
                return;
            if (statement.Declaration.Variables.Count != 1 || statement.Declaration.Variables[0].Initializer?.Value.Span.Contains(context.Span) != true)
                return;

            context.RegisterCodeFix(
                CodeAction.Create("Add 'using'", cancellationToken => AddUsingAsync(context.Document, root, statement, cancellationToken), nameof(AddUsingCodeFix)),
                context.Diagnostics);
        }

        private static Task<Document> AddUsingAsync(Document document, SyntaxNode root, LocalDeclarationStatementSyntax statement, CancellationToken cancellationToken)
        {
            var leading = statement.GetLeadingTrivia();
            var updated = statement
                .WithoutLeadingTrivia()
                .WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword).WithTrailingTrivia(SyntaxFactory.Space))
                .WithLeadingTrivia(leading);
            return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(statement, updated)));
        }
    }
}
