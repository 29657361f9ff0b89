// A planning tool in miniature: load a scenario (the embedded default, or a file), compare, print JSON.
#include <libtco/libtco.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
    try {
        libtco::Scenario scenario = libtco::default_scenario();
        if (argc > 1) {
            std::ifstream in(argv[1]);
            std::stringstream text;
            text << in.rdbuf();
            scenario = libtco::Scenario::from_json_text(text.str());
        }
        const libtco::Comparison comparison = libtco::compare(scenario, libtco::embedded_catalog());
        std::cout << libtco::to_json(comparison).dump(2) << "\n";
        return 0;
    } catch (const libtco::error& e) {
        std::cerr << e.what() << "\n";
        return 2;
    }
}
