// Tags the tokens of a CoNLL-2003 file with ArticleIndexer's entity recogniser and writes them back with the
// predicted IOB2 tag (PER, LOC, ORG; never MISC) as the last column, for ../shared/tools/eval/conll_score.py.
//
//   dotnet run -c Release --project tools/ConllTag -- ../shared/data/conll2003/dev.txt /tmp/dev.pred.txt
//   python3 ../shared/tools/eval/conll_score.py ../shared/data/conll2003/dev.txt /tmp/dev.pred.txt
//
// Each document is rebuilt as text (tokens joined by spaces, one sentence a line), so the recogniser sees a whole
// article as it would in the product; a token takes a mention's tag when it lies inside the mention.
using System.Text;
using ArticleIndexer.Core.Entities;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: ConllTag GOLD.conll PRED_OUT");
    return 2;
}

var extractor = new RuleEntityExtractor();
using var output = new StreamWriter(args[1]);
var document = new List<List<string>>();
var sentence = new List<string>();

foreach (var line in File.ReadLines(args[0]))
{
    if (line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
    {
        EndSentence();
        WriteDocument();
        output.WriteLine(line + " O");
        output.WriteLine();
    }
    else if (line.Length == 0)
    {
        EndSentence();
    }
    else
    {
        sentence.Add(line);
    }
}

EndSentence();
WriteDocument();
return 0;

void EndSentence()
{
    if (sentence.Count > 0)
    {
        document.Add(sentence);
        sentence = [];
    }
}

void WriteDocument()
{
    var text = new StringBuilder();
    var spans = new List<(int Start, int End)>();
    foreach (var tokens in document)
    {
        foreach (var token in tokens.Select(t => t.Split(' ')[0]))
        {
            if (text.Length > 0 && text[^1] != '\n')
            {
                text.Append(' ');
            }

            spans.Add((text.Length, text.Length + token.Length));
            text.Append(token);
        }

        text.Append('\n');
    }

    var tags = Enumerable.Repeat("O", spans.Count).ToArray();
    foreach (var mention in extractor.Extract(text.ToString()).Mentions)
    {
        var type = mention.Kind switch { EntityKind.Person => "PER", EntityKind.Place => "LOC", _ => "ORG" };
        var prefix = "B-";
        for (var i = 0; i < spans.Count; i++)
        {
            if (spans[i].Start >= mention.Offset && spans[i].End <= mention.Offset + mention.Text.Length)
            {
                tags[i] = prefix + type;
                prefix = "I-";
            }
        }
    }

    var k = 0;
    foreach (var tokens in document)
    {
        foreach (var token in tokens)
        {
            output.WriteLine(token + " " + tags[k++]);
        }

        output.WriteLine();
    }

    document.Clear();
}
