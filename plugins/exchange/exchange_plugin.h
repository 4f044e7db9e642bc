#pragma once
// The plugin's identity, shared by its logic module (maillage_exchange.so) and its window
// module (maillage_exchange_ui.so): the window pairs them by this id and refuses a window
// module built for another version.
namespace maillage::exchange {

inline constexpr char kPluginId[] = "exchange";
inline constexpr char kPluginVersion[] = "1.0.0";

}  // namespace maillage::exchange
