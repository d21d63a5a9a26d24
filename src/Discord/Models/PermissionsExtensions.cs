using System.Globalization;

namespace SeedreamBot.Discord.Models;

/// <summary>Checks on permission bitfields the way Discord evaluates them.</summary>
public static class PermissionsExtensions
{
    /// <summary>
    /// True when every bit of <paramref name="required"/> is set, or when <paramref name="granted"/> includes
    /// <see cref="Permissions.Administrator"/> (which implies all permissions).
    /// </summary>
    public static bool Has(this Permissions granted, Permissions required) =>
        (granted & Permissions.Administrator) != 0 || (granted & required) == required;

    /// <summary>The bits of <paramref name="required"/> that <paramref name="granted"/> lacks (none for administrators).</summary>
    public static Permissions Missing(this Permissions granted, Permissions required) =>
        (granted & Permissions.Administrator) != 0 ? Permissions.None : required & ~granted;

    /// <summary>Parses Discord's decimal string form, e.g. <c>"2147483647"</c>.</summary>
    public static Permissions Parse(string bitfield) =>
        (Permissions)ulong.Parse(bitfield, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>The decimal string form Discord expects, e.g. for <c>default_member_permissions</c>.</summary>
    public static string ToBitfieldString(this Permissions permissions) =>
        ((ulong)permissions).ToString(CultureInfo.InvariantCulture);
}
