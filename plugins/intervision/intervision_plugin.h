#pragma once
// The plugin's identity, shared by its logic module (maillage_intervision.so) and its window
// module (maillage_intervision_ui.so): the window pairs them by this id and refuses a window
// module built for another version.
namespace maillage::intervision {

inline constexpr char kPluginId[] = "intervision";
inline constexpr char kPluginVersion[] = "1.0.0";

}  // namespace maillage::intervision
