namespace Streaming;

/// <summary>
/// Writes values of <typeparamref name="T"/> as CSV records, one column per public property. The source
/// generator implements this for the element type of every <c>Format.Csv</c> <c>[Stream]</c> method.
/// </summary>
public interface ICsvRowWriter<T>
{
    /// <summary>Writes the column names, one field each; the caller ends the record.</summary>
    static abstract void WriteHeader(ref CsvFieldWriter fields);

    /// <summary>Writes the fields of <paramref name="value"/>, one per column; the caller ends the record.</summary>
    static abstract void WriteRow(ref CsvFieldWriter fields, T value);
}
