using System.Globalization;
using System.Runtime.CompilerServices;

namespace SmartyAssess.Tests;

/// <summary>
/// The tests compare texts with the English resources; a machine whose own language is another
/// must not change what "the current language" means to them (the app's requests set their own).
/// </summary>
internal static class TestCulture
{
#pragma warning disable CA2255 // a module initializer is the one place that runs before any test of the assembly
    [ModuleInitializer]
    internal static void PinToEnglish()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.GetCultureInfo("en");
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("en");
    }
#pragma warning restore CA2255
}
