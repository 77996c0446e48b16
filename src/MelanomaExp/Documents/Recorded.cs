using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace MelanomaExp.Documents;

/// <summary>
/// A key the writer always writes, as null when there is nothing to say, but which reports written before the key
/// existed lack. Nullable alone would read both as null and write the missing key back as <c>null</c>; this keeps
/// them apart so every committed report writes back byte for byte. A property of this type is marked
/// <c>[JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]</c>: the default (never recorded) is left
/// out, a recorded null is written as null.
/// </summary>
[JsonConverter(typeof(RecordedConverterFactory))]
internal readonly record struct Recorded<T>(T? Value)
{
    /// <summary>Whether the document had the key (false only for the default, which old reports read as).</summary>
    public bool IsRecorded { get; } = true;

    public static implicit operator Recorded<T>(T? value) => new(value);
}

/// <summary>Makes the converter of each <see cref="Recorded{T}"/> the documents use.</summary>
internal sealed class RecordedConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Recorded<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(RecordedConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
}

/// <summary>
/// Reads a present key, null included, as recorded, and writes the value through the context's own metadata for
/// <typeparamref name="T"/> (so it is written exactly as a plain property of that type would be).
/// </summary>
internal sealed class RecordedConverter<T> : JsonConverter<Recorded<T>>
{
    public override bool HandleNull => true;

    public override Recorded<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? new(default) : new(JsonSerializer.Deserialize(ref reader, Info(options)));

    public override void Write(Utf8JsonWriter writer, Recorded<T> value, JsonSerializerOptions options)
    {
        if (value.Value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            JsonSerializer.Serialize(writer, value.Value, Info(options));
        }
    }

    private static JsonTypeInfo<T> Info(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}
