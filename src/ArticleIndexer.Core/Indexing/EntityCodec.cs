using System.Buffers.Binary;
using System.Text;
using ArticleIndexer.Core.Entities;
using Lucene.Net.Util;

namespace ArticleIndexer.Core.Indexing;

/// <summary>
/// A compact binary form of an <see cref="EntitySet"/>, for the doc-values columns the entity catalog reads after every
/// pass that changed the archive (<see cref="ArticleFields.EntityData"/>, <see cref="ArticleFields.ResolvedData"/>).
/// Reading JSON from stored fields cost a decompression of each document's stored block (body included) and a JSON
/// parse; a doc-values column is read in order without either.
/// <para>
/// Layout (version 1): the version byte; the set's distinct strings (count, then each as a length and UTF-8 bytes),
/// which everything after refers to by number; the entities (kind, canonical, aliases, mention count, roles, place);
/// the mentions (kind, text, offset as the gap from the previous one, canonical); the demonym links. Numbers are
/// variable-length (7 bits a byte); coordinates are 8-byte doubles. Null and empty lists are told apart, so a set
/// decodes to one that writes the same JSON.
/// </para>
/// </summary>
public static class EntityCodec
{
    /// <summary>The first byte of every value this version writes.</summary>
    public const byte Version = 1;

    private const byte HasGeoNameId = 1, HasLatitude = 2, HasLongitude = 4, HasOtherNames = 8, HasWithin = 16;

    /// <summary>The bytes of <paramref name="set"/>.</summary>
    public static byte[] Encode(EntitySet set)
    {
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        var body = new Writer();
        body.Number(set.Entities.Count);
        foreach (var entity in set.Entities)
        {
            body.Byte((byte)entity.Kind);
            body.Number(Id(strings, entity.Canonical));
            List(body, strings, entity.Aliases);
            body.Number(entity.MentionCount);
            List(body, strings, entity.Roles);
            if (entity.Place is not { } place)
            {
                body.Byte(0);
                continue;
            }

            var flags = (byte)((place.GeoNameId is null ? 0 : HasGeoNameId) | (place.Latitude is null ? 0 : HasLatitude)
                | (place.Longitude is null ? 0 : HasLongitude) | (place.OtherNames is null ? 0 : HasOtherNames) | (place.Within is null ? 0 : HasWithin));
            body.Byte(1);
            body.Byte(flags);
            body.Number(Id(strings, place.Type));
            body.Number(OptionalId(strings, place.CountryCode));
            body.Number(OptionalId(strings, place.Country));
            body.Number(OptionalId(strings, place.Region));
            body.Number(OptionalId(strings, place.Area));
            if (place.GeoNameId is { } geoNameId)
            {
                body.Long(geoNameId);
            }

            if (place.Latitude is { } latitude)
            {
                body.Double(latitude);
            }

            if (place.Longitude is { } longitude)
            {
                body.Double(longitude);
            }

            if (place.OtherNames is { } otherNames)
            {
                List(body, strings, otherNames);
            }

            if (place.Within is { } within)
            {
                List(body, strings, within);
            }
        }

        body.Number(set.Mentions.Count);
        var previous = 0;
        foreach (var mention in set.Mentions)
        {
            body.Byte((byte)mention.Kind);
            body.Number(Id(strings, mention.Text));
            body.Long((long)mention.Offset - previous);
            body.Number(Id(strings, mention.Canonical));
            previous = mention.Offset;
        }

        body.Number(set.About.Count);
        foreach (var about in set.About)
        {
            body.Number(Id(strings, about.Country));
            body.Number(Id(strings, about.CountryCode));
            List(body, strings, about.Words);
            body.Number(about.Count);
        }

        var head = new Writer();
        head.Byte(Version);
        head.Number(strings.Count);
        foreach (var text in strings.Keys)
        {
            head.Text(text);
        }

        return [.. head.Bytes, .. body.Bytes];
    }

    /// <summary>The set encoded in <paramref name="value"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a set of this version, or are cut short.</exception>
    public static EntitySet Decode(ReadOnlySpan<byte> value)
    {
        var reader = new Reader(value);
        try
        {
            if (reader.Byte() != Version)
            {
                throw new InvalidDataException($"The entity data is not of version {Version}.");
            }

            var strings = new string[reader.Count()];
            for (var i = 0; i < strings.Length; i++)
            {
                strings[i] = reader.Text();
            }

            var entities = new Entity[reader.Count()];
            for (var i = 0; i < entities.Length; i++)
            {
                var kind = reader.Kind();
                var canonical = strings[reader.Number()];
                var aliases = reader.List(strings);
                var mentionCount = reader.Number();
                var roles = reader.List(strings);
                PlaceInfo? place = null;
                if (reader.Byte() == 1)
                {
                    var flags = reader.Byte();
                    var type = strings[reader.Number()];
                    var (countryCode, country, region, area) =
                        (reader.Optional(strings), reader.Optional(strings), reader.Optional(strings), reader.Optional(strings));
                    long? geoNameId = (flags & HasGeoNameId) != 0 ? reader.Long() : null;
                    double? latitude = (flags & HasLatitude) != 0 ? reader.Double() : null;
                    double? longitude = (flags & HasLongitude) != 0 ? reader.Double() : null;
                    var otherNames = (flags & HasOtherNames) != 0 ? reader.List(strings) : null;
                    var within = (flags & HasWithin) != 0 ? reader.List(strings) : null;
                    place = new PlaceInfo(type, countryCode, geoNameId, latitude, longitude, otherNames)
                    {
                        Country = country, Region = region, Area = area, Within = within,
                    };
                }

                entities[i] = new Entity(kind, canonical, aliases, mentionCount, roles, place);
            }

            var mentions = new EntityMention[reader.Count()];
            var offset = 0L;
            for (var i = 0; i < mentions.Length; i++)
            {
                var kind = reader.Kind();
                var text = strings[reader.Number()];
                offset += reader.Long();
                mentions[i] = new EntityMention(kind, text, checked((int)offset), strings[reader.Number()]);
            }

            var about = new AboutLink[reader.Count()];
            for (var i = 0; i < about.Length; i++)
            {
                about[i] = new AboutLink(strings[reader.Number()], strings[reader.Number()], reader.List(strings), reader.Number());
            }

            if (!reader.AtEnd)
            {
                throw new InvalidDataException("The entity data has bytes after its end.");
            }

            return new EntitySet(entities, mentions) { About = about };
        }
        catch (Exception ex) when (ex is IndexOutOfRangeException or ArgumentOutOfRangeException or OverflowException or DecoderFallbackException)
        {
            throw new InvalidDataException("The entity data is damaged: " + ex.Message, ex);
        }
    }

    /// <summary>The set in a doc value (<see cref="Decode(ReadOnlySpan{byte})"/>).</summary>
    public static EntitySet Decode(BytesRef value) => Decode(value.Bytes.AsSpan(value.Offset, value.Length));

    private static int Id(Dictionary<string, int> strings, string text)
    {
        if (!strings.TryGetValue(text, out var id))
        {
            id = strings.Count;
            strings.Add(text, id);
        }

        return id;
    }

    // 0 for null, else the string's number + 1.
    private static int OptionalId(Dictionary<string, int> strings, string? text) => text is null ? 0 : Id(strings, text) + 1;

    private static void List(Writer writer, Dictionary<string, int> strings, IReadOnlyList<string> items)
    {
        writer.Number(items.Count);
        foreach (var item in items)
        {
            writer.Number(Id(strings, item));
        }
    }

    private sealed class Writer
    {
        public List<byte> Bytes { get; } = new(256);

        public void Byte(byte value) => Bytes.Add(value);

        public void Number(int value) => Long(value);

        // Zigzag, then 7 bits a byte: small numbers of either sign take one byte.
        public void Long(long value)
        {
            var v = (ulong)((value << 1) ^ (value >> 63));
            while (v >= 0x80)
            {
                Bytes.Add((byte)(v | 0x80));
                v >>= 7;
            }

            Bytes.Add((byte)v);
        }

        public void Double(double value)
        {
            Span<byte> bytes = stackalloc byte[8];
            BinaryPrimitives.WriteDoubleLittleEndian(bytes, value);
            foreach (var b in bytes)
            {
                Bytes.Add(b);
            }
        }

        public void Text(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            Number(bytes.Length);
            Bytes.AddRange(bytes);
        }
    }

    private ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        private readonly ReadOnlySpan<byte> bytes = bytes;
        private int at;

        public readonly bool AtEnd => at == bytes.Length;

        public byte Byte() => bytes[at++];

        public long Long()
        {
            ulong v = 0;
            for (var shift = 0; ; shift += 7)
            {
                if (shift > 63)
                {
                    throw new OverflowException("a number runs past 64 bits");
                }

                var b = bytes[at++];
                v |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    break;
                }
            }

            return (long)(v >> 1) ^ -(long)(v & 1);
        }

        public int Number() => checked((int)Long());

        // A count of items that follow: never negative, never more than the bytes left could hold.
        public int Count()
        {
            var count = Number();
            if (count < 0 || count > bytes.Length - at)
            {
                throw new OverflowException($"a count of {count} with {bytes.Length - at} bytes left");
            }

            return count;
        }

        public double Double()
        {
            var value = BinaryPrimitives.ReadDoubleLittleEndian(bytes.Slice(at, 8));
            at += 8;
            return value;
        }

        public string Text()
        {
            var length = Count();
            var text = Strict.GetString(bytes.Slice(at, length));
            at += length;
            return text;
        }

        public EntityKind Kind()
        {
            var kind = Byte();
            return kind <= (byte)EntityKind.Organization ? (EntityKind)kind : throw new OverflowException($"{kind} is not an entity kind");
        }

        public string? Optional(string[] strings)
        {
            var id = Number();
            return id == 0 ? null : strings[id - 1];
        }

        public string[] List(string[] strings)
        {
            var items = new string[Count()];
            for (var i = 0; i < items.Length; i++)
            {
                items[i] = strings[Number()];
            }

            return items;
        }
    }
}
