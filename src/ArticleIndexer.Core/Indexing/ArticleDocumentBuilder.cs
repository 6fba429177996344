using System.Globalization;
using ArticleIndexer.Core.Articles;
using ArticleIndexer.Core.Entities;
using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace ArticleIndexer.Core.Indexing;

/// <summary>Turns an <see cref="Article"/> into the Lucene document described by <see cref="ArticleFields"/>.</summary>
public static class ArticleDocumentBuilder
{
    private static readonly FieldType BodyType = CreateBodyType();

    /// <summary>Builds the document of <paramref name="article"/>, indexed at <paramref name="indexedAt"/> by pipeline <paramref name="pipelineVersion"/>.</summary>
    public static Document Build(Article article, DateTimeOffset indexedAt, string pipelineVersion)
    {
        var document = new Document
        {
            new StringField(ArticleFields.Id, article.Id.Value, Field.Store.YES),
            new StringField(ArticleFields.Path, article.File.RelativePath, Field.Store.YES),
            new Field(ArticleFields.Body, article.Body, BodyType),
            new StringField(ArticleFields.ContentHash, article.ContentHash, Field.Store.YES),
            new StringField(ArticleFields.PipelineVersion, pipelineVersion, Field.Store.YES),
            new StringField(ArticleFields.Encoding, article.Encoding, Field.Store.YES),
            new StoredField(ArticleFields.IndexedAt, indexedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
            new StoredField(ArticleFields.Stripped, ArticleJson.Write(article.Stripped)),
            new StoredField(ArticleFields.Entities, ArticleJson.Write(article.Entities)),
        };
        if (article.Title is not null)
        {
            document.Add(new TextField(ArticleFields.Title, article.Title, Field.Store.YES));
        }

        foreach (var entity in article.Entities.Entities)
        {
            var (exact, analysed, key) = entity.Kind switch
            {
                EntityKind.Person => (ArticleFields.Persons, ArticleFields.Person, null),
                EntityKind.Place => (ArticleFields.Places, ArticleFields.Place, ArticleFields.PlaceKey),
                _ => (ArticleFields.Orgs, ArticleFields.Org, ArticleFields.OrgKey),
            };
            document.Add(new StringField(exact, entity.Canonical, Field.Store.YES));
            var names = entity.Aliases.Concat(entity.Place?.OtherNames ?? []).Prepend(entity.Canonical)
                .Distinct(StringComparer.Ordinal);
            foreach (var name in names)
            {
                document.Add(new TextField(analysed, name, Field.Store.NO));
                if (key is not null)
                {
                    document.Add(new StringField(key, ArticleAnalyzers.Key(name), Field.Store.NO));
                }
            }
        }

        return document;
    }

    private static FieldType CreateBodyType()
    {
        var type = new FieldType(TextField.TYPE_STORED)
        {
            IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS,
        };
        type.Freeze();
        return type;
    }
}
