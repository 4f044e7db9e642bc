#pragma once
// The plugin's identity, shared by its logic module (maillage_pat.so) and its window
// module (maillage_pat_ui.so): the window pairs them by this id and refuses a window
// module built for another version.
namespace maillage::pat {

inline constexpr char kPluginId[] = "pat";
inline constexpr char kPluginVersion[] = "1.0.0";

}  // namespace maillage::pat
