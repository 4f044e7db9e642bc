#pragma once
// Name comparison for duplicate people and institutions: "CAW (Westland)" and
// "caw westland", "Aprèstoe" and "Aprestoe" are the same name.
#include <string>

namespace maillage::exchange {

// Lower case, accents removed (Latin letters), punctuation turned into spaces, runs of
// spaces collapsed and trimmed: "CAW (Westland)" -> "caw westland".
std::string normalise_name(const std::string& text);

// Similarity of two normalised names in [0, 1]: 1 - edit distance / longer length,
// computed on the words sorted so that word order does not matter.
double name_similarity(const std::string& a, const std::string& b);

// Names that are close enough to be proposed as the same (similarity >= 0.85).
inline constexpr double kProposeThreshold = 0.85;

}  // namespace maillage::exchange
