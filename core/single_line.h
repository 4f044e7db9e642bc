#pragma once
// Single-line text: names, titles, emails, phones, places. A line break in a name can
// become a new header in a mail (a "Bcc:" added by whoever typed the name), a new line in
// a log or a CSV file; so such fields refuse control characters where they are entered,
// and the writers of headers strip them anyway.
#include <cstddef>
#include <string>
#include <string_view>

namespace maillage {

// The byte offset of the first control character: C0 (tab, CR, LF and the rest of
// U+0000..U+001F), DEL, C1 (U+0080..U+009F) and the Unicode line and paragraph
// separators (U+2028, U+2029); std::string_view::npos when there is none.
std::size_t control_character_at(std::string_view text);

// The reason a single-line field is refused ("a line break (at character 6) is not
// allowed..."), or "" when the text is fine. For messages that add their own place.
std::string single_line_problem(std::string_view text);

// Throws maillage::Error "<field>: <reason>" when text holds a control character.
void require_single_line(std::string_view field, std::string_view text);

// The text with each run of control characters replaced by one space: what a header
// writer (mail, iCalendar summary...) puts on its one line whatever the data holds.
std::string header_text(std::string_view text);

}  // namespace maillage
