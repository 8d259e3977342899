using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.ComponentModel;

namespace Streaming;

/// <summary>
/// Lets generated writers <c>foreach</c> over a collection held through an interface (<c>IEnumerable&lt;T&gt;</c>,
/// <c>IReadOnlyList&lt;T&gt;</c>, <c>IDictionary&lt;string, T&gt;</c> …) without boxing an enumerator when, as
/// usual, it is an array, a <see cref="List{T}"/> or a <see cref="Dictionary{TKey, TValue}"/>. Any other
/// implementation is enumerated through the interface, which allocates its enumerator.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonSequence
{
    /// <summary>The items of <paramref name="items"/>, in their enumeration order.</summary>
    public static JsonSequence<T> Of<T>(IEnumerable<T> items) => new(items);

    /// <summary>The entries of <paramref name="entries"/>, in their enumeration order.</summary>
    public static JsonEntries<TKey, TValue> Entries<TKey, TValue>(IEnumerable<KeyValuePair<TKey, TValue>> entries)
        where TKey : notnull
        => new(entries);

    /// <summary>The items of <paramref name="items"/>; a default (uninitialized) array fails as it does in the serializer.</summary>
    public static ImmutableArray<T> Of<T>(ImmutableArray<T> items)
        => items.IsDefault
            ? throw new InvalidOperationException("This operation cannot be performed on a default instance of ImmutableArray<T>. Consider initializing the array, or checking the ImmutableArray<T>.IsDefault property.")
            : items;
}

/// <summary>The items of a collection, enumerated without boxing for arrays and lists.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct JsonSequence<T>
{
    private readonly IEnumerable<T> _items;

    internal JsonSequence(IEnumerable<T> items) => _items = items;

    /// <summary>Starts the enumeration.</summary>
    public Enumerator GetEnumerator() => new(_items);

    /// <summary>Enumerates without allocating for the common implementations.</summary>
    public struct Enumerator : IDisposable
    {
        private readonly T[]? _array;
        private readonly IEnumerator<T>? _other;
        private readonly bool _isList;
        private List<T>.Enumerator _list;
        private int _index;

        internal Enumerator(IEnumerable<T> items)
        {
            _index = -1;
            switch (items)
            {
                case T[] array:
                    _array = array;
                    break;
                case List<T> list:
                    _list = list.GetEnumerator();
                    _isList = true;
                    break;
                default:
                    _other = items.GetEnumerator();
                    break;
            }
        }

        /// <summary>The current item.</summary>
        public T Current => _array is not null ? _array[_index] : _isList ? _list.Current : _other!.Current;

        /// <summary>Moves to the next item.</summary>
        public bool MoveNext()
        {
            if (_array is not null)
            {
                return ++_index < _array.Length;
            }

            return _isList ? _list.MoveNext() : _other!.MoveNext();
        }

        /// <summary>Disposes the interface enumerator, if one was needed.</summary>
        public readonly void Dispose() => _other?.Dispose();
    }
}

/// <summary>The entries of a dictionary, enumerated without boxing for <see cref="Dictionary{TKey, TValue}"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct JsonEntries<TKey, TValue>
    where TKey : notnull
{
    private readonly IEnumerable<KeyValuePair<TKey, TValue>> _entries;

    internal JsonEntries(IEnumerable<KeyValuePair<TKey, TValue>> entries) => _entries = entries;

    /// <summary>Starts the enumeration.</summary>
    public Enumerator GetEnumerator() => new(_entries);

    /// <summary>Enumerates without allocating for the common implementations.</summary>
    public struct Enumerator : IDisposable
    {
        private readonly IEnumerator<KeyValuePair<TKey, TValue>>? _other;
        private readonly bool _isDictionary;
        private Dictionary<TKey, TValue>.Enumerator _dictionary;

        internal Enumerator(IEnumerable<KeyValuePair<TKey, TValue>> entries)
        {
            if (entries is Dictionary<TKey, TValue> dictionary)
            {
                _dictionary = dictionary.GetEnumerator();
                _isDictionary = true;
            }
            else
            {
                _other = entries.GetEnumerator();
            }
        }

        /// <summary>The current entry.</summary>
        public KeyValuePair<TKey, TValue> Current => _isDictionary ? _dictionary.Current : _other!.Current;

        /// <summary>Moves to the next item.</summary>
        public bool MoveNext() => _isDictionary ? _dictionary.MoveNext() : _other!.MoveNext();

        /// <summary>Disposes the interface enumerator, if one was needed.</summary>
        public readonly void Dispose() => _other?.Dispose();
    }
}
