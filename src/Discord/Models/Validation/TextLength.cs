namespace SeedreamBot.Discord.Models.Validation;

/// <summary>Discord counts characters as Unicode code points, so an emoji made of a surrogate pair counts once.</summary>
public static class TextLength
{
    public static int Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var length = text.Length;
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]))
            {
                length--;
                i++;
            }
        }

        return length;
    }
}
