#pragma once
// Streaming the AWS Price List bulk offer file for EC2. The us-east-1 file is several hundred MB to a
// few GB (every OS, tenancy, capacity status and license model, and their terms): far too big for a
// DOM. One SAX pass keeps only what the import reads, as a small document of the same shape (the
// "extract"), which the import then reads exactly as it would read the whole file:
//  - the header members formatVersion, offerCode, version and publicationDate;
//  - the products the filter keeps, plus the product with the smallest SKU the filter fails on: the
//    import visits products in key order, so that is the error it reports reading the whole file;
//  - terms.OnDemand.<sku> and terms.Reserved.<sku> of the kept SKUs, less the members the import
//    never reads (descriptions, rate codes...: most of a term).
// Each product is built as a small DOM of its own, decided on and dropped; the terms of other SKUs
// are never built. Where the import only checks that a member is an object (products, terms,
// OnDemand, Reserved) or a string (the header), a value of another kind is kept as a summary:
// scalars as they are, arrays and objects empty, which is all its error message describes.
// The whole text is checked as parse_exact checks it (invalid JSON, duplicate keys, nesting depth,
// with the same messages and JSON pointers), and such an error wins over any other, as it does when
// the file is parsed first.
// AWS lists "products" before "terms", so the kept SKUs are known when their terms arrive. A file
// with "terms" first gets a second pass over the text reading only the terms: correct for any order
// and just as bounded, at twice the time for that layout only.
// Memory: the extract (as a DOM, a few times the JSON text of the kept products and their terms),
// plus the keys of the objects open, to detect duplicate keys: some 40 bytes per SKU while the
// products object, then terms.OnDemand, is read (bench/bench_import.cpp measures it).

#include <libtco/core/detail/json_reader.hpp>
#include <libtco/core/error.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace libtco::detail {

// The keys of one JSON object, to reject a duplicate without keeping the object. Compact, since the
// offer file's products and terms objects have one key per SKU (hundreds of thousands).
class KeySet {
public:
    // False if the key is already there.
    bool insert(std::string_view key) {
        if (2 * (count_ + 1) > slots_.size()) grow();
        std::uint64_t& slot = slots_[slot_of(key)];
        if (slot != empty_slot) return false;
        slot = append(key) + 1;
        ++count_;
        return true;
    }

    // Empties the set, giving back the memory of a large one.
    void clear() {
        if (slots_.size() > retained_slots) {
            std::vector<std::uint64_t>().swap(slots_);
            std::string().swap(arena_);
        } else {
            std::fill(slots_.begin(), slots_.end(), empty_slot);
            arena_.clear();
        }
        count_ = 0;
    }

private:
    // A slot holds 1 + the offset in arena_ of its key, stored as its length then its bytes.
    static constexpr std::uint64_t empty_slot = 0;
    static constexpr std::size_t retained_slots = 256;
    static constexpr std::size_t length_bytes = sizeof(std::size_t);

    std::string_view key_at(std::uint64_t slot) const {
        const char* stored = arena_.data() + (slot - 1);
        std::size_t length = 0;
        std::memcpy(&length, stored, length_bytes);
        return std::string_view(stored + length_bytes, length);
    }
    std::uint64_t append(std::string_view key) {
        const std::uint64_t offset = arena_.size();
        const std::size_t length = key.size();
        arena_.append(reinterpret_cast<const char*>(&length), length_bytes);
        arena_.append(key);
        return offset;
    }
    // The slot holding `key`, or the empty slot where it belongs (open addressing, linear probing).
    std::size_t slot_of(std::string_view key) const {
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = std::hash<std::string_view>{}(key) & mask;; i = (i + 1) & mask)
            if (slots_[i] == empty_slot || key_at(slots_[i]) == key) return i;
    }
    void grow() {
        std::vector<std::uint64_t> old(std::max<std::size_t>(16, 2 * slots_.size()), empty_slot);
        old.swap(slots_);
        for (const std::uint64_t slot : old)
            if (slot != empty_slot) slots_[slot_of(key_at(slot))] = slot;
    }

    std::vector<std::uint64_t> slots_;
    std::string arena_;
    std::size_t count_ = 0;
};

// What the import reads, as the stream needs to know it.
struct OfferReading {
    // Decides on one product (its DOM, its JSON pointer): true to keep it, false to drop it; throwing
    // a libtco::error marks a product the import fails on.
    std::function<bool(const std::string& sku, const json& product, const std::string& path)> keeps_product;
    // Drops from terms.<kind>.<sku> of a kept SKU (kind OnDemand or Reserved) the members the import
    // never reads; none if empty.
    std::function<void(const std::string& kind, json& sku_terms)> trim_terms;
};

inline constexpr std::string_view offer_header_keys[] = {"formatVersion", "offerCode", "version", "publicationDate"};

// The SAX handler of one pass over the offer file (see the top of this file).
class OfferStreamFilter {
public:
    // The first pass: header, products, and the terms of the kept SKUs when the products came first.
    explicit OfferStreamFilter(OfferReading reading) : reading_(std::move(reading)) {}
    // The second pass of a file with terms first: the terms of `kept_skus` only.
    OfferStreamFilter(OfferReading reading, std::set<std::string> kept_skus)
        : reading_(std::move(reading)), kept_skus_(std::move(kept_skus)), terms_only_(true), products_read_(true) {}

    bool null() { return scalar([](ExactDomBuilder& b) { return b.null(); }); }
    bool boolean(bool v) { return scalar([v](ExactDomBuilder& b) { return b.boolean(v); }); }
    bool number_integer(json::number_integer_t v) { return scalar([v](ExactDomBuilder& b) { return b.number_integer(v); }); }
    bool number_unsigned(json::number_unsigned_t v) { return scalar([v](ExactDomBuilder& b) { return b.number_unsigned(v); }); }
    bool number_float(json::number_float_t v, const std::string& text) {
        return scalar([v, &text](ExactDomBuilder& b) { return b.number_float(v, text); });
    }
    bool string(std::string& v) { return scalar([&v](ExactDomBuilder& b) { return b.string(v); }); }
    bool binary(json::binary_t& v) { return scalar([&v](ExactDomBuilder& b) { return b.binary(v); }); }
    bool start_object(std::size_t) { return open(false); }
    bool start_array(std::size_t) { return open(true); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(std::string& k) {
        frames_[depth_ - 1].key = k;
        if (!key_sets_[depth_ - 1].insert(k)) return fail(errc::parse_duplicate_key, "duplicate key \"" + k + "\"");
        if (capture_) capture_->key(k);
        return true;
    }
    bool parse_error(std::size_t position, const std::string& token, const nlohmann::detail::exception& ex) {
        ExactDomBuilder wording;  // words it as parse_exact does
        wording.parse_error(position, token, ex);
        error_ = wording.error();
        return false;
    }

    const std::optional<libtco::error>& error() const { return error_; }
    bool terms_deferred() const { return terms_deferred_; }
    const std::set<std::string>& kept_skus() const { return kept_skus_; }

    json take_extract() {
        if (failing_product_) extract_["products"][failing_product_->first] = std::move(failing_product_->second);
        failing_product_.reset();
        return std::move(extract_);
    }

private:
    // What the members of an object are (arrays are only ever skipped or captured).
    enum class Part { root, products, terms, offer_terms, skipped, captured };

    // What to do with a value starting now: read into its members, capture it whole (as a DOM),
    // keep a summary of it, or skip it. `to` is where it goes in the extract.
    struct Plan {
        enum class Action { descend, capture, summarize, skip } action;
        Part part = Part::skipped;
        std::vector<std::string> to;
        enum class Value { other, product, sku_terms } value = Value::other;
    };

    struct Frame {
        Part part = Part::skipped;
        bool is_array = false;
        std::size_t count = 0;  // of an array: values placed so far
        std::string key;        // of an object: the current key
    };

    static Plan skipped() { return Plan{Plan::Action::skip, Part::skipped, {}}; }
    static Plan descend(Part part, std::vector<std::string> to) { return Plan{Plan::Action::descend, part, std::move(to)}; }
    static Plan summarize(std::vector<std::string> to) { return Plan{Plan::Action::summarize, Part::skipped, std::move(to)}; }
    static Plan capture(std::vector<std::string> to, Plan::Value value = Plan::Value::other) {
        return Plan{Plan::Action::capture, Part::captured, std::move(to), value};
    }
    static Plan object_or_summary(bool is_object, Part part, std::vector<std::string> to) {
        return is_object ? descend(part, std::move(to)) : summarize(std::move(to));
    }

    Plan plan_value(bool is_object) {
        if (depth_ == 0) return object_or_summary(is_object, Part::root, {});
        const Frame& parent = frames_[depth_ - 1];
        switch (parent.part) {
            case Part::root: return plan_root_member(parent.key, is_object);
            case Part::products: return capture({"products", parent.key}, Plan::Value::product);
            case Part::terms: return plan_terms_member(parent.key, is_object);
            case Part::offer_terms:
                if (!kept_skus_.count(parent.key)) return skipped();
                return capture({"terms", frames_[depth_ - 2].key, parent.key}, Plan::Value::sku_terms);
            default: return skipped();
        }
    }
    Plan plan_root_member(const std::string& key, bool is_object) {
        if (key == "terms") return plan_terms(is_object);
        if (terms_only_) return skipped();
        if (key == "products") return object_or_summary(is_object, Part::products, {key});
        if (std::find(std::begin(offer_header_keys), std::end(offer_header_keys), key) != std::end(offer_header_keys)) return summarize({key});
        return skipped();
    }
    Plan plan_terms(bool is_object) {
        if (!products_read_) {
            terms_deferred_ = true;
            return skipped();
        }
        return object_or_summary(is_object, Part::terms, {"terms"});
    }
    Plan plan_terms_member(const std::string& key, bool is_object) {
        if (key != "OnDemand" && key != "Reserved") return skipped();
        return object_or_summary(is_object, Part::offer_terms, {"terms", key});
    }

    // The array a value is placed in counts it before the value's own events, as ExactDomBuilder
    // does (an error inside an element indexes it by that count less one).
    void count_in_parent() {
        if (depth_ > 0 && frames_[depth_ - 1].is_array) ++frames_[depth_ - 1].count;
    }

    template <class Feed>
    bool scalar(Feed feed) {
        count_in_parent();
        if (capture_) return feed(*capture_);
        Plan plan = plan_value(false);
        if (plan.action == Plan::Action::skip || plan.action == Plan::Action::descend) return true;
        start_capture(std::move(plan));  // a scalar's summary is the scalar
        if (!feed(*capture_)) return false;
        finish_capture();
        return true;
    }

    bool open(bool is_array) {
        if (depth_ >= max_depth) return fail(errc::parse_too_deep, "nesting deeper than " + std::to_string(max_depth) + " levels");
        count_in_parent();
        push_frame(capture_ ? Part::captured : start_container(plan_value(!is_array), is_array), is_array);
        if (capture_) return is_array ? capture_->start_array(0) : capture_->start_object(0);
        return true;
    }

    // Acts on the plan for an object or array starting now; returns what its members are.
    Part start_container(Plan plan, bool is_array) {
        switch (plan.action) {
            case Plan::Action::descend: place(plan.to, json::object()); return plan.part;
            case Plan::Action::capture: start_capture(std::move(plan)); capture_depth_ = depth_ + 1; return Part::captured;
            case Plan::Action::summarize: place(plan.to, is_array ? json::array() : json::object()); note_placed(plan.to); return Part::skipped;
            default: return Part::skipped;
        }
    }

    bool close() {
        const Frame& frame = frames_[depth_ - 1];
        if (frame.part == Part::captured) {
            if (!(frame.is_array ? capture_->end_array() : capture_->end_object())) return false;
            if (depth_ == capture_depth_) finish_capture();
        }
        if (frame.part == Part::products) products_read_ = true;
        key_sets_[depth_ - 1].clear();
        --depth_;
        return true;
    }

    void push_frame(Part part, bool is_array) {
        Frame& frame = frames_[depth_];
        frame.part = part;
        frame.is_array = is_array;
        frame.count = 0;
        frame.key.clear();
        ++depth_;
    }

    void start_capture(Plan plan) {
        capture_.emplace();
        capture_plan_ = std::move(plan);
    }
    void finish_capture() {
        json value = capture_->take();
        capture_.reset();
        switch (capture_plan_.value) {
            case Plan::Value::product: consider_product(std::move(value)); return;
            case Plan::Value::sku_terms:
                if (reading_.trim_terms) reading_.trim_terms(capture_plan_.to[1], value);
                break;
            case Plan::Value::other: break;
        }
        place(capture_plan_.to, std::move(value));
        note_placed(capture_plan_.to);
    }
    void note_placed(const std::vector<std::string>& to) {
        if (to.size() == 1 && to[0] == "products") products_read_ = true;
    }

    void consider_product(json product) {
        const std::string& sku = capture_plan_.to.back();
        try {
            if (!reading_.keeps_product(sku, product, child_path("/products", sku))) return;
            kept_skus_.insert(sku);
            place(capture_plan_.to, std::move(product));
        } catch (const libtco::error&) {
            if (!failing_product_ || sku < failing_product_->first) failing_product_.emplace(sku, std::move(product));
        }
    }

    void place(const std::vector<std::string>& to, json value) {
        json* target = &extract_;
        for (const std::string& key : to) target = &(*target)[key];
        *target = std::move(value);
    }

    // The JSON pointer of the value being read, as ExactDomBuilder words it.
    std::string current_path() const {
        std::string path;
        for (std::size_t i = 0; i < depth_; ++i) {
            const bool inside_element = i + 1 < depth_;  // the element we are inside is already counted
            path = frames_[i].is_array ? child_path(path, frames_[i].count - (inside_element ? 1 : 0)) : child_path(path, frames_[i].key);
        }
        return path;
    }
    bool fail(errc code, const std::string& detail) {
        error_ = libtco::parse_error(code, current_path(), detail);
        return false;
    }

    OfferReading reading_;
    std::set<std::string> kept_skus_;
    bool terms_only_ = false;
    bool products_read_ = false;
    bool terms_deferred_ = false;

    std::vector<Frame> frames_ = std::vector<Frame>(max_depth);
    std::vector<KeySet> key_sets_ = std::vector<KeySet>(max_depth);
    std::size_t depth_ = 0;

    std::optional<ExactDomBuilder> capture_;
    Plan capture_plan_ = skipped();
    std::size_t capture_depth_ = 0;

    json extract_;
    std::optional<std::pair<std::string, json>> failing_product_;
    std::optional<libtco::error> error_;
};

// Runs one pass over the text; throws parse_error as parse_exact does.
inline void run_offer_pass(std::string_view text, OfferStreamFilter& pass) {
    const bool ok = json::sax_parse(text.begin(), text.end(), &pass, json::input_format_t::json, true);
    if (pass.error()) throw libtco::parse_error(pass.error()->code(), pass.error()->path(), pass.error()->detail());
    if (!ok) throw libtco::parse_error(errc::parse_invalid_json, "", "invalid JSON");
}

// What the import reads of the offer file (see the top of this file). Throws parse_error.
inline json read_offer_extract(std::string_view text, const OfferReading& reading) {
    OfferStreamFilter first(reading);
    run_offer_pass(text, first);
    json extract = first.take_extract();
    if (first.terms_deferred() && !first.kept_skus().empty()) {
        OfferStreamFilter terms_pass(reading, first.kept_skus());
        run_offer_pass(text, terms_pass);
        json terms_extract = terms_pass.take_extract();
        if (terms_extract.contains("terms")) extract["terms"] = std::move(terms_extract["terms"]);
    }
    return extract;
}

}  // namespace libtco::detail
