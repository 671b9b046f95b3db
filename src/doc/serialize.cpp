// Writes and reads Documents as LEB128 integers and length-prefixed strings, checking every read and every id.
#include "doc/serialize.h"

#include <cstdint>

namespace doc {

namespace {
constexpr std::string_view Magic = "ESSAYDOC";
constexpr uint32_t Version = 4;

class Writer {
public:
    std::string out;
    void U(uint64_t v) {
        do {
            const uint8_t byte = uint8_t(v & 0x7F);
            v >>= 7;
            out.push_back(char(v ? byte | 0x80 : byte));
        } while (v);
    }
    void S(std::string_view s) {
        U(s.size());
        out.append(s);
    }
    void Loc(const SourceLoc& l) {
        S(l.file);
        U(l.line);
        U(l.column);
    }
    void P(const Passage& p) {
        U(p.block.index);
        U(p.begin);
        U(p.end);
    }
};

class Reader {
public:
    explicit Reader(std::string_view in) : in_(in) {}
    bool ok = true;

    uint64_t U() {
        uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at_ >= in_.size())
                return Fail();
            const uint8_t byte = uint8_t(in_[at_++]);
            v |= uint64_t(byte & 0x7F) << shift;
            if (!(byte & 0x80))
                return v;
        }
        return Fail();
    }
    uint32_t U32() {
        const uint64_t v = U();
        return v <= UINT32_MAX ? uint32_t(v) : uint32_t(Fail());
    }
    std::string S() {
        const uint64_t n = U();
        if (!ok || n > in_.size() - at_) {
            Fail();
            return {};
        }
        // n fits in size_t: it is no more than what is left of the input.
        std::string s(in_.substr(at_, size_t(n)));
        at_ += size_t(n);
        return s;
    }
    // A count of elements that each take at least one byte: bounded by what is left, so a corrupt count cannot
    // make the reader allocate more than the input's size.
    size_t Count() {
        const uint64_t n = U();
        return ok && n <= in_.size() - at_ ? size_t(n) : size_t(Fail());
    }
    SourceLoc Loc() {
        SourceLoc l;
        l.file = S();
        l.line = U32();
        l.column = U32();
        return l;
    }
    Passage P() {
        Passage p;
        p.block.index = U32();
        p.begin = U32();
        p.end = U32();
        return p;
    }
    bool AtEnd() const { return at_ == in_.size(); }

private:
    uint64_t Fail() {
        ok = false;
        at_ = in_.size();
        return 0;
    }
    std::string_view in_;
    size_t at_ = 0;
};

bool ValidPassage(const Document& d, const Passage& p) {
    return p.block.index < d.blocks.size() && p.begin <= p.end && p.end <= d.blocks[p.block.index].text.size();
}

// Every id a Document stores must index it, as the importer guarantees; bytes that break this are rejected.
bool Consistent(const Document& d, std::string& error) {
    auto in = [](auto id, size_t n) { return !id.valid() || id.index < n; };
    for (const Block& b : d.blocks) {
        if (!in(b.section, d.sections.size()) || !in(b.comment, d.comments.size())) {
            error = "block " + b.id + " refers outside the document";
            return false;
        }
        for (const Span& s : b.spans)
            if (s.begin > s.end || s.end > b.text.size()) {
                error = "a span of block " + b.id + " lies outside its text";
                return false;
            }
    }
    for (const Section& s : d.sections)
        if (!in(s.heading, d.blocks.size()) || s.first.index > s.end.index || s.end.index > d.blocks.size()) {
            error = "section " + s.id + " refers outside the document";
            return false;
        }
    for (const Comment& c : d.comments)
        if (c.first.index > c.end.index || c.end.index > d.blocks.size()) {
            error = "comment " + c.id + " refers outside the document";
            return false;
        }
    for (const Objection& o : d.objections) {
        bool ok = ValidPassage(d, o.quote) && ValidPassage(d, o.anchor);
        for (const Reply& r : o.replies)
            ok = ok && ValidPassage(d, r.passage);
        if (!ok) {
            error = "objection " + o.id + " quotes a passage outside the document";
            return false;
        }
        if (o.see.valid() && o.see.index >= d.objections.size()) {
            error = "objection " + o.id + " sends the reader to an objection outside the document";
            return false;
        }
    }
    return true;
}
} // namespace

std::string SerializeDocument(const Document& d) {
    Writer w;
    w.out.append(Magic);
    w.U(Version);
    w.S(d.title);
    w.U(d.sections.size());
    for (const Section& s : d.sections) {
        w.S(s.id);
        w.S(s.title);
        w.U(s.heading.index);
        w.U(s.first.index);
        w.U(s.end.index);
    }
    w.U(d.blocks.size());
    for (const Block& b : d.blocks) {
        w.U(uint64_t(b.kind));
        w.U(uint64_t(b.part));
        w.U(b.heading_level);
        w.U(b.list_depth);
        w.U(uint32_t(b.list_number));
        w.U(b.section.index);
        w.U(b.comment.index);
        w.S(b.id);
        w.S(b.text);
        w.U(b.spans.size());
        for (const Span& s : b.spans) {
            w.U(s.begin);
            w.U(s.end);
            w.U(s.style);
            w.S(s.href);
        }
        w.Loc(b.loc);
    }
    w.U(d.objections.size());
    for (const Objection& o : d.objections) {
        w.S(o.id);
        w.S(o.title);
        w.U(uint64_t(o.source));
        w.P(o.quote);
        w.P(o.anchor);
        w.U(uint64_t(o.status));
        w.S(o.lead);
        w.S(o.by);
        w.U(o.several_critics ? 1 : 0);
        w.U(o.replies.size());
        for (const Reply& r : o.replies) {
            w.P(r.passage);
            w.Loc(r.loc);
        }
        w.S(o.sim_test);
        w.U(o.see.index);
        w.Loc(o.loc);
    }
    w.U(d.comments.size());
    for (const Comment& c : d.comments) {
        w.S(c.id);
        w.S(c.author);
        w.U(c.first.index);
        w.U(c.end.index);
    }
    return std::move(w.out);
}

bool DeserializeDocument(std::string_view bytes, Document& d, std::string& error) {
    if (bytes.substr(0, Magic.size()) != Magic) {
        error = "not a packed essay document";
        return false;
    }
    Reader r(bytes.substr(Magic.size()));
    if (r.U() != Version || !r.ok) {
        error = "a packed document of another version";
        return false;
    }
    d = Document{};
    d.title = r.S();
    d.sections.resize(r.Count());
    for (Section& s : d.sections) {
        s.id = r.S();
        s.title = r.S();
        s.heading.index = r.U32();
        s.first.index = r.U32();
        s.end.index = r.U32();
    }
    d.blocks.resize(r.Count());
    for (Block& b : d.blocks) {
        const uint32_t kind = r.U32(), part = r.U32();
        if (kind > uint32_t(BlockKind::Figure) || part > uint32_t(Part::Comments)) {
            error = "an unknown block kind";
            return false;
        }
        b.kind = BlockKind(kind);
        b.part = Part(part);
        b.heading_level = uint8_t(r.U32());
        b.list_depth = uint8_t(r.U32());
        b.list_number = int32_t(r.U32());
        b.section.index = r.U32();
        b.comment.index = r.U32();
        b.id = r.S();
        b.text = r.S();
        b.spans.resize(r.Count());
        for (Span& s : b.spans) {
            s.begin = r.U32();
            s.end = r.U32();
            s.style = uint8_t(r.U32());
            s.href = r.S();
        }
        b.loc = r.Loc();
    }
    d.objections.resize(r.Count());
    for (Objection& o : d.objections) {
        o.id = r.S();
        o.title = r.S();
        const uint32_t source = r.U32();
        o.quote = r.P();
        o.anchor = r.P();
        const uint32_t status = r.U32();
        if (source > uint32_t(ObjectionSource::ReaderComment) || status > uint32_t(ObjectionStatus::Open)) {
            error = "an unknown objection source or status";
            return false;
        }
        o.source = ObjectionSource(source);
        o.status = ObjectionStatus(status);
        o.lead = r.S();
        o.by = r.S();
        const uint32_t several = r.U32();
        if (several > 1) {
            error = "an objection's critics neither one nor several";
            return false;
        }
        o.several_critics = several == 1;
        o.replies.resize(r.Count());
        for (Reply& reply : o.replies) {
            reply.passage = r.P();
            reply.loc = r.Loc();
        }
        o.sim_test = r.S();
        o.see.index = r.U32();
        o.loc = r.Loc();
    }
    d.comments.resize(r.Count());
    for (Comment& c : d.comments) {
        c.id = r.S();
        c.author = r.S();
        c.first.index = r.U32();
        c.end.index = r.U32();
    }
    if (!r.ok || !r.AtEnd()) {
        error = r.ok ? "bytes left over after the document" : "the packed document is truncated";
        return false;
    }
    return Consistent(d, error);
}

} // namespace doc
