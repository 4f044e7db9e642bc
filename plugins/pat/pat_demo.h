#pragma once
// Demo content: about ten accompaniments at every phase across Brussels and Wallonia
// and several funders, their sessions over this year and last, hires, a follow-up,
// trainings, advocacy actions and workplaces.
namespace maillage {
class Database;
struct DemoContext;
}

namespace maillage::pat {

void seed_pat_demo(Database& db, const DemoContext& context);

}  // namespace maillage::pat
