#pragma once
// The plugin's identity, shared by its logic module (maillage_catalogue.so) and its window
// module (maillage_catalogue_ui.so): the window pairs them by this id and refuses a window
// module built for another version.
namespace maillage::catalogue {

inline constexpr char kPluginId[] = "catalogue";
inline constexpr char kPluginVersion[] = "1.0.0";

}  // namespace maillage::catalogue
