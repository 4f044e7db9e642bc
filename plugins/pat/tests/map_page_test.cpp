// The map page in a real window under Xvfb: a database with a workplace in 1000 Bruxelles,
// one in 4000 Liège and one that cannot be placed; the page and the map's PNG are saved
// under build/screenshots/pat/ and the PNG's pixels are checked where the circles must be.
#include "pat_activities.h"
#include "pat_map.h"
#include "pat_schema.h"
#include "ui/map_page.h"

#include "core/database.h"
#include "core/institutions.h"
#include "core/sectors.h"
#include "shared-ui/plugin_ui.h"
#include "tests/gui/gui_test_support.h"
#include "tests/support/test_support.h"

#include <wx/bmpbndl.h>
#include <wx/frame.h>
#include <wx/image.h>
#include <wx/stattext.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>

namespace maillage::pat::test {
namespace {

const std::filesystem::path kShots = MAILLAGE_SCREENSHOT_DIR;

using maillage::test::TestContext;

struct MapPageTest : ::testing::Test {
    std::unique_ptr<Database> db = maillage::test::memory_db({pat_migrations()});
    wxFrame* frame = new wxFrame(nullptr, wxID_ANY, "PAT map", wxDefaultPosition, wxSize(1100, 820));
    TestContext context;

    MapPageTest() {
        context.db = db.get();
        context.frame = frame;
    }
    ~MapPageTest() override {
        frame->Destroy();
        maillage::test::settle_gui();
    }
    void workplace(const std::string& name, const std::string& postcode, const std::string& municipality,
                   const std::string& region, const std::string& sector, int peer_workers) {
        const auto at = maillage::test::add_institution(
            *db, {.name = name, .region = region, .municipality = municipality, .postcode = postcode}, {sector});
        ActivityRepository(*db).set_workplace(
            {.institution_id = at, .since = "2025-01-01", .peer_workers = peer_workers});
    }
};

wxColour pixel(const wxImage& image, Pixel at) {
    const int x = int(at.x + 0.5), y = int(at.y + 0.5);
    return wxColour(image.GetRed(x, y), image.GetGreen(x, y), image.GetBlue(x, y));
}

// The circle's colour over the region's, as drawn (85 % opaque).
void expect_circle_colour(const wxColour& seen, const std::string& circle, const std::string& region) {
    const wxColour c(wxString::FromUTF8(circle)), r(wxString::FromUTF8(region));
    auto blend = [](int top, int under) { return (top * 217 + under * 38) / 255; };
    EXPECT_NEAR(seen.Red(), blend(c.Red(), r.Red()), 12) << circle;
    EXPECT_NEAR(seen.Green(), blend(c.Green(), r.Green()), 12) << circle;
    EXPECT_NEAR(seen.Blue(), blend(c.Blue(), r.Blue()), 12) << circle;
}

TEST_F(MapPageTest, ShowsBrusselsAndLiegeAndListsTheUnplaced) {
    workplace("Maison d'accueil Le Relais", "1000", "Bruxelles", "brussels", "homeless", 2);
    workplace("Relais social de Liège", "4000", "Liège", "wallonia", "mental_health", 4);
    workplace("Service à l'adresse inconnue", "9999", "Atlantis", "wallonia", "homeless", 1);
    auto* page = new MapPage(frame, context);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(page, 1, wxEXPAND);
    frame->SetSizer(sizer);
    frame->Show();
    frame->Layout();
    maillage::test::settle_gui(15);

    auto* view = dynamic_cast<MapView*>(frame->FindWindow("pat.map"));
    ASSERT_NE(view, nullptr);
    EXPECT_GT(view->GetClientSize().y, 300);  // the map gets room, not a strip
    ASSERT_EQ(view->data().workplaces.size(), 3u);
    auto* unplaced = dynamic_cast<wxStaticText*>(frame->FindWindow("pat.map.unplaced"));
    ASSERT_NE(unplaced, nullptr);
    EXPECT_TRUE(unplaced->IsShown());
    auto label = unplaced->GetLabel().utf8_string();  // wrapped to the page's width
    std::replace(label.begin(), label.end(), '\n', ' ');
    EXPECT_NE(label.find("Service à l'adresse inconnue (9999 Atlantis)"), std::string::npos) << label;
    EXPECT_TRUE(maillage::test::save_client_png(frame, kShots / "map_page.png"));

    // The exported PNG: each circle's colour at its projected centre.
    const int width = 1000, height = 680;
    const auto png = kShots / "map.png";
    view->save_png(png, width, height);
    wxImage image;
    ASSERT_TRUE(image.LoadFile(wxString(png.string()), wxBITMAP_TYPE_PNG));
    ASSERT_EQ(image.GetWidth(), width);
    ASSERT_EQ(image.GetHeight(), height);
    const auto layout = layout_map(view->data(), width, height);
    ASSERT_EQ(layout.circles.size(), 2u);
    std::map<std::string, std::string> fill;
    for (const auto& r : layout.regions) fill[r.region] = r.fill;
    const auto brussels = *postcode_place("1000"), liege = *postcode_place("4000");
    for (const auto& c : layout.circles) {
        const auto& w = view->data().workplaces[c.workplace];
        const auto& place = w.institution == "Relais social de Liège" ? liege : brussels;
        const Pixel at = layout.projection(place.at);
        EXPECT_NEAR(c.centre.x, at.x, 1e-9);
        EXPECT_NEAR(c.centre.y, at.y, 1e-9);
        expect_circle_colour(pixel(image, at), c.colour, fill.at(place.region));
        // Outside the circle, the region's colour again.
        const Pixel beside{at.x + c.radius + 4, at.y};
        const wxColour around = pixel(image, beside), region(wxString::FromUTF8(fill.at(place.region)));
        if (place.region == "wallonia") {
            EXPECT_NEAR(around.Red(), region.Red(), 3);
            EXPECT_NEAR(around.Green(), region.Green(), 3);
            EXPECT_NEAR(around.Blue(), region.Blue(), 3);
        }
    }
    // Far out at sea, top left: the white background.
    const wxColour sea = pixel(image, layout.projection({51.45, 2.6}));
    EXPECT_EQ(sea, *wxWHITE);

    // The SVG export, drawn by another renderer (wxWidgets' nanosvg: shapes, no text),
    // has the same circles at the same places.
    const auto svg = map_svg(view->data(), layout);
    {
        std::ofstream out(kShots / "map.svg", std::ios::binary);
        out << svg;
    }
    const auto bundle = wxBitmapBundle::FromSVG(svg.c_str(), wxSize(width, height));
    ASSERT_TRUE(bundle.IsOk());
    const wxImage drawn = bundle.GetBitmap(wxSize(width, height)).ConvertToImage();
    ASSERT_EQ(drawn.GetWidth(), width);
    drawn.SaveFile(wxString((kShots / "map_svg.png").string()), wxBITMAP_TYPE_PNG);
    for (const auto& c : layout.circles) {
        const auto& region = view->data().workplaces[c.workplace].place->region;
        expect_circle_colour(pixel(drawn, c.centre), c.colour, fill.at(region));
    }
    const wxColour wallonia(wxString::FromUTF8(fill.at("wallonia")));
    const wxColour namur = pixel(drawn, layout.projection(postcode_place("5000")->at));
    EXPECT_NEAR(namur.Red(), wallonia.Red(), 3);
    EXPECT_NEAR(namur.Green(), wallonia.Green(), 3);
    EXPECT_NEAR(namur.Blue(), wallonia.Blue(), 3);
}

}  // namespace
}  // namespace maillage::pat::test

int main(int argc, char** argv) {
    return maillage::test::run_gui_tests(argc, argv, {.utf8_locale = true, .fail_on_errors = true});
}
