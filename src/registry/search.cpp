#include "registry/search.h"

#include <algorithm>
#include <cctype>
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "access/record_scope.h"
#include "core/date.h"
#include "registry/names.h"
#include "registry/personal_code.h"
#include "registry/rules.h"
#include "storage/id_list.h"

namespace atb::registry {

using storage::params;

namespace {

// The upper bound of a prefix range over keys made of [a-z0-9 ].
std::string after_prefix(const std::string& prefix) { return prefix + "~"; }

std::optional<std::string> query_date(std::string_view q) {
  if (auto d = parse_date(q)) return d->iso();
  // DD.MM.YYYY, as Latvians write dates.
  if (q.size() == 10 && q[2] == '.' && q[5] == '.') {
    const std::string iso = std::string(q.substr(6, 4)) + "-" + std::string(q.substr(3, 2)) + "-" + std::string(q.substr(0, 2));
    if (auto d = parse_date(iso)) return d->iso();
  }
  return std::nullopt;
}

bool looks_like_phone(std::string_view q) {
  int digits = 0;
  for (char c : q) {
    if (std::isdigit(static_cast<unsigned char>(c))) ++digits;
    else if (c != ' ' && c != '+' && c != '-' && c != '(' && c != ')') return false;
  }
  return digits >= 7;
}

Result<std::vector<std::int64_t>> ids_of(storage::Connection& c, const std::string& sql, const storage::Params& ps) {
  ATB_TRY_ASSIGN(rows, c.query(sql, ps));
  std::vector<std::int64_t> ids;
  ids.reserve(rows.size());
  for (const storage::Row& r : rows) ids.push_back(r.integer(0));
  return ids;
}

// Persons whose keys match every token: the first two through a pair key, the rest through
// single keys; the last token is a prefix (the user may still be typing it).
Result<std::vector<std::int64_t>> name_matches(storage::Connection& c, const std::vector<std::string>& tokens,
                                               std::size_t limit) {
  std::vector<std::string> stems;
  for (std::size_t i = 0; i < tokens.size(); ++i) stems.push_back(i + 1 == tokens.size() ? tokens[i] : stem(tokens[i]));
  // The last token is typed on: match it as a prefix of its stem, or of the unstemmed token.
  const std::string last = stem(stems.back()).size() >= 3 ? stem(stems.back()) : stems.back();
  storage::Params ps;
  std::string sql;
  if (stems.size() == 1) {
    sql = "SELECT DISTINCT k.person_id FROM person_key k WHERE k.search_key >= ? AND k.search_key < ?";
    ps = params(last, after_prefix(last));
  } else {
    const std::string pair = stems.front() + " " + last;
    sql = "SELECT DISTINCT k.person_id FROM person_key k WHERE k.search_key >= ? AND k.search_key < ?";
    ps = params(pair, after_prefix(pair));
    for (std::size_t i = 1; i + 1 < stems.size(); ++i) {
      sql += " AND EXISTS (SELECT 1 FROM person_key k2 WHERE k2.person_id = k.person_id AND k2.search_key = ?)";
      ps.push_back(stems[i]);
    }
  }
  ATB_TRY_ASSIGN(ids, ids_of(c, sql + " LIMIT " + std::to_string(limit), ps));
  if (!ids.empty() || stems.size() == 1) return ids;
  // No pair matched (e.g. the first word is only begun): every word as a prefix of some key.
  sql = "SELECT DISTINCT k.person_id FROM person_key k WHERE k.search_key >= ? AND k.search_key < ?";
  ps = params(stems.front(), after_prefix(stems.front()));
  for (std::size_t i = 1; i < stems.size(); ++i) {
    sql += " AND EXISTS (SELECT 1 FROM person_key k2 WHERE k2.person_id = k.person_id"
           " AND k2.search_key >= ? AND k2.search_key < ?)";
    ps.push_back(stems[i]);
    ps.push_back(after_prefix(stems[i]));
  }
  return ids_of(c, sql + " LIMIT " + std::to_string(limit), ps);
}

// Ranks a name hit: 1 for every query token equal to a name token, less for stems and prefixes.
double name_score(const std::vector<std::string>& query, const PersonHit& hit) {
  const std::vector<std::string> name = fold_tokens(hit.given_names + " " + hit.surname);
  double total = 0;
  for (const std::string& q : query) {
    double best = 0;
    for (const std::string& t : name) {
      if (t == q) best = 1.0;
      else if (stem(t) == stem(q)) best = std::max(best, 0.9);
      else if (t.rfind(q, 0) == 0 || stem(t).rfind(stem(q), 0) == 0) best = std::max(best, 0.6);
    }
    total += best;
  }
  return query.empty() ? 0 : total / static_cast<double>(query.size());
}

// The hits for some ids, with the policy's verdict computed in SQL: what ranking needs, read for
// every match (one row each). Addresses and departments come from add_details().
Result<std::vector<PersonHit>> fetch_hits(storage::Connection& c, const access::Principal& p,
                                          const std::vector<std::int64_t>& ids) {
  std::vector<PersonHit> hits;
  if (ids.empty()) return hits;
  const std::string visible = access::registry_visible_or_break_glass_sql(p, access::kPersonTables, "p.id", "p.municipality_id");
  storage::Params ps;
  const std::string in = storage::id_placeholders(ids, ps);
  ps.emplace_back(p.municipality_id);
  ATB_TRY_ASSIGN(rows, c.query(
      "SELECT p.id, p.given_names, p.surname, p.personal_code, p.birth_date, p.sort_key,"
      " CASE WHEN " + visible + " THEN 1 ELSE 0 END"
      " FROM person p WHERE p.id IN (" + in + ") AND p.merged_into_id IS NULL AND p.municipality_id = ?",
      ps));
  hits.reserve(rows.size());
  for (const storage::Row& r : rows) {
    PersonHit h;
    h.id = r.integer(0);
    h.given_names = r.text(1);
    h.surname = r.text(2);
    h.personal_code = r.opt_text(3);
    h.birth_date = r.text(4);
    h.sort_key = r.text(5);
    h.in_scope = r.integer(6) == 1;
    hits.push_back(std::move(h));
  }
  return hits;
}

// The declared address of each hit, and the departments of those out of scope: only for the
// hits that are shown (or scored by address), so that a common name's hundreds of matches cost
// one row read each, not three.
Result<void> add_details(storage::Connection& c, std::vector<PersonHit>& hits) {
  if (hits.empty()) return ok();
  std::map<std::int64_t, PersonHit*> by_id;
  std::vector<std::int64_t> ids, hidden;
  for (PersonHit& h : hits) {
    by_id[h.id] = &h;
    ids.push_back(h.id);
    if (!h.in_scope) hidden.push_back(h.id);
  }
  storage::Params ps;
  const std::string in = storage::id_placeholders(ids, ps);
  ATB_TRY_ASSIGN(rows, c.query("SELECT p.id, a.street, a.house, a.flat, a.locality, a.postal_code, a.match_key"
                               " FROM person p JOIN address a ON a.id = p.declared_address_id WHERE p.id IN (" + in + ")",
                               ps));
  for (const storage::Row& r : rows) {
    PersonHit& h = *by_id.at(r.integer(0));
    h.address = address_line(Address{"", r.text(4), r.text(1), r.text(2), r.text(3), r.text(5)});
    h.address_key = r.text(6);
  }
  if (hidden.empty()) return ok();
  storage::Params hidden_ps;
  const std::string hidden_in = storage::id_placeholders(hidden, hidden_ps);
  ATB_TRY_ASSIGN(regs, c.query("SELECT DISTINCT r.person_id, d.id, d.code, d.name_lv, d.name_en FROM person_registration r"
                               " JOIN department d ON d.id = r.department_id WHERE r.person_id IN (" + hidden_in + ")",
                               hidden_ps));
  for (const storage::Row& r : regs) {
    by_id.at(r.integer(0))->departments.push_back(Registration{r.integer(1), r.text(2), {r.text(3), r.text(4)}, 0, "", ""});
  }
  return ok();
}

}  // namespace

QueryKind classify_query(std::string_view q) {
  if (code_query_digits(q)) return QueryKind::code;
  if (query_date(q)) return QueryKind::birth_date;
  if (looks_like_phone(q)) return QueryKind::phone;
  return QueryKind::name;
}

Result<SearchPage> search_persons(storage::Connection& c, const access::Principal& p, std::string_view q, int page,
                                  int page_size, std::size_t cap) {
  std::vector<std::int64_t> ids;
  std::vector<std::string> tokens;
  const std::size_t limit = cap + 1;
  const QueryKind kind = classify_query(q);
  std::string match = kind == QueryKind::code ? "code" : kind == QueryKind::phone ? "phone"
                    : kind == QueryKind::birth_date ? "birth_date" : "name";
  switch (kind) {
    case QueryKind::code: {
      const std::string digits = *code_query_digits(q);
      ATB_TRY_ASSIGN_TO(ids, ids_of(c, "SELECT DISTINCT person_id FROM person_code WHERE code >= ? AND code < ? LIMIT " +
                                           std::to_string(limit), params(digits, after_prefix(digits))));
      if (ids.empty() && looks_like_phone(q)) {
        match = "phone";
        ATB_TRY_ASSIGN_TO(ids, ids_of(c, "SELECT DISTINCT person_id FROM person_contact WHERE match_key = ? LIMIT " +
                                             std::to_string(limit), params(phone_match_key(q))));
      }
      break;
    }
    case QueryKind::birth_date:
      ATB_TRY_ASSIGN_TO(ids, ids_of(c, "SELECT id FROM person WHERE birth_date = ? AND merged_into_id IS NULL LIMIT " +
                                           std::to_string(limit), params(*query_date(q))));
      break;
    case QueryKind::phone:
      ATB_TRY_ASSIGN_TO(ids, ids_of(c, "SELECT DISTINCT person_id FROM person_contact WHERE match_key = ? LIMIT " +
                                           std::to_string(limit), params(phone_match_key(q))));
      break;
    case QueryKind::name:
      tokens = fold_tokens(q);
      if (tokens.size() > 6) tokens.resize(6);
      if (!tokens.empty()) ATB_TRY_ASSIGN_TO(ids, name_matches(c, tokens, limit));
      break;
  }
  SearchPage result;
  result.truncated = ids.size() > cap;
  if (result.truncated) ids.resize(cap);
  ATB_TRY_ASSIGN(hits, fetch_hits(c, p, ids));
  for (PersonHit& h : hits) {
    h.match = match;
    h.score = tokens.empty() ? 1.0 : name_score(tokens, h);
  }
  std::sort(hits.begin(), hits.end(), [](const PersonHit& a, const PersonHit& b) {
    if (a.in_scope != b.in_scope) return a.in_scope;
    if (a.score != b.score) return a.score > b.score;
    if (a.sort_key != b.sort_key) return a.sort_key < b.sort_key;
    return a.id < b.id;
  });
  result.total = hits.size();
  const std::size_t from = std::min(hits.size(), static_cast<std::size_t>(std::max(page - 1, 0)) * static_cast<std::size_t>(page_size));
  const std::size_t to = std::min(hits.size(), from + static_cast<std::size_t>(page_size));
  result.items.assign(std::make_move_iterator(hits.begin() + static_cast<std::ptrdiff_t>(from)),
                      std::make_move_iterator(hits.begin() + static_cast<std::ptrdiff_t>(to)));
  ATB_TRY(add_details(c, result.items));
  return result;
}

Result<bool> personal_code_in_use(storage::Connection& c, std::int64_t municipality_id, const std::string& code) {
  ATB_TRY_ASSIGN(rows, c.query("SELECT 1 FROM person_code pc JOIN person p ON p.id = pc.person_id"
                               " WHERE pc.code = ? AND p.municipality_id = ? AND p.merged_into_id IS NULL LIMIT 1",
                               params(code, municipality_id)));
  return !rows.empty();
}

Result<std::vector<PersonHit>> duplicate_candidates(storage::Connection& c, const access::Principal& p,
                                                    const PersonDraft& draft, std::optional<std::int64_t> exclude) {
  std::vector<std::int64_t> ids;
  std::vector<std::int64_t> same_code;
  if (draft.personal_code) {
    ATB_TRY_ASSIGN_TO(same_code, ids_of(c, "SELECT DISTINCT person_id FROM person_code WHERE code = ?", params(*draft.personal_code)));
    ids = same_code;
  }
  // Two different personal codes are two people (score_duplicate), so with a code in the draft
  // only persons without one can be similar-name candidates: at national scale that leaves a
  // handful of the dozens born on the same day.
  const std::string without_code = draft.personal_code ? " AND p.personal_code IS NULL" : "";
  if (draft.birth_date) {
    ATB_TRY_ASSIGN(born, ids_of(c, "SELECT p.id FROM person p WHERE p.birth_date = ? AND p.merged_into_id IS NULL" +
                                       without_code + " LIMIT 2000",
                                params(*draft.birth_date)));
    ids.insert(ids.end(), born.begin(), born.end());
  }
  const std::string address_key = draft.declared_address ? address_match_key(*draft.declared_address) : std::string();
  if (!address_key.empty()) {
    ATB_TRY_ASSIGN(housed, ids_of(c, "SELECT p.id FROM address a JOIN person p ON p.declared_address_id = a.id"
                                     " WHERE a.match_key = ? AND p.merged_into_id IS NULL" + without_code + " LIMIT 500",
                                  params(address_key)));
    ids.insert(ids.end(), housed.begin(), housed.end());
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  if (exclude) ids.erase(std::remove(ids.begin(), ids.end(), *exclude), ids.end());
  ATB_TRY_ASSIGN(hits, fetch_hits(c, p, ids));
  ATB_TRY(add_details(c, hits));
  std::vector<PersonHit> candidates;
  for (PersonHit& h : hits) {
    if (std::find(same_code.begin(), same_code.end(), h.id) != same_code.end()) {
      h.personal_code = draft.personal_code;  // the same code, current or earlier
    }
    if (score_duplicate(draft, address_key, h.address_key, h)) candidates.push_back(std::move(h));
  }
  std::sort(candidates.begin(), candidates.end(), [](const PersonHit& a, const PersonHit& b) {
    return a.score != b.score ? a.score > b.score : a.id < b.id;
  });
  if (candidates.size() > 20) candidates.resize(20);
  return candidates;
}

}  // namespace atb::registry
