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

std::string id_list(const std::vector<std::int64_t>& ids) { return fmt::format("{}", fmt::join(ids, ",")); }

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

// The hits for some ids, with the policy's verdict computed in SQL, and departments.
Result<std::vector<PersonHit>> fetch_hits(storage::Connection& c, const access::Principal& p,
                                          const std::vector<std::int64_t>& ids) {
  std::vector<PersonHit> hits;
  if (ids.empty()) return hits;
  const std::string visible = access::registry_visible_or_break_glass_sql(p, access::kPersonTables, "p.id", "p.municipality_id");
  ATB_TRY_ASSIGN(rows, c.query(
      "SELECT p.id, p.given_names, p.surname, p.personal_code, p.birth_date, p.sort_key,"
      " a.street, a.house, a.flat, a.locality, a.postal_code, a.match_key,"
      " CASE WHEN " + visible + " THEN 1 ELSE 0 END"
      " FROM person p LEFT JOIN address a ON a.id = p.declared_address_id"
      " WHERE p.id IN (" + id_list(ids) + ") AND p.merged_into_id IS NULL AND p.municipality_id = ?",
      params(p.municipality_id)));
  std::map<std::int64_t, std::size_t> out_of_scope;
  for (const storage::Row& r : rows) {
    PersonHit h;
    h.id = r.integer(0);
    h.given_names = r.text(1);
    h.surname = r.text(2);
    h.personal_code = r.opt_text(3);
    h.birth_date = r.text(4);
    h.sort_key = r.text(5);
    if (!r.is_null(6)) h.address = address_line(Address{"", r.text(9), r.text(6), r.text(7), r.text(8), r.text(10)});
    h.address_key = r.text(11);
    h.in_scope = r.integer(12) == 1;
    if (!h.in_scope) out_of_scope[h.id] = hits.size();
    hits.push_back(std::move(h));
  }
  if (!out_of_scope.empty()) {
    std::vector<std::int64_t> hidden;
    for (const auto& [id, index] : out_of_scope) hidden.push_back(id);
    ATB_TRY_ASSIGN(regs, c.query("SELECT DISTINCT r.person_id, d.id, d.code, d.name_lv, d.name_en FROM person_registration r"
                                 " JOIN department d ON d.id = r.department_id WHERE r.person_id IN (" + id_list(hidden) + ")"));
    for (const storage::Row& r : regs) {
      hits[out_of_scope[r.integer(0)]].departments.push_back(
          Registration{r.integer(1), r.text(2), {r.text(3), r.text(4)}, 0, "", ""});
    }
  }
  return hits;
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
  return result;
}

Result<std::vector<PersonHit>> duplicate_candidates(storage::Connection& c, const access::Principal& p,
                                                    const PersonDraft& draft, std::optional<std::int64_t> exclude) {
  std::vector<std::int64_t> ids;
  std::vector<std::int64_t> same_code;
  if (draft.personal_code) {
    ATB_TRY_ASSIGN_TO(same_code, ids_of(c, "SELECT DISTINCT person_id FROM person_code WHERE code = ?", params(*draft.personal_code)));
    ids = same_code;
  }
  if (draft.birth_date) {
    ATB_TRY_ASSIGN(born, ids_of(c, "SELECT id FROM person WHERE birth_date = ? AND merged_into_id IS NULL LIMIT 2000",
                                params(*draft.birth_date)));
    ids.insert(ids.end(), born.begin(), born.end());
  }
  const std::string address_key = draft.declared_address ? address_match_key(*draft.declared_address) : std::string();
  if (!address_key.empty()) {
    ATB_TRY_ASSIGN(housed, ids_of(c, "SELECT p.id FROM address a JOIN person p ON p.declared_address_id = a.id"
                                     " WHERE a.match_key = ? AND p.merged_into_id IS NULL LIMIT 500",
                                  params(address_key)));
    ids.insert(ids.end(), housed.begin(), housed.end());
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  if (exclude) ids.erase(std::remove(ids.begin(), ids.end(), *exclude), ids.end());
  ATB_TRY_ASSIGN(hits, fetch_hits(c, p, ids));
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
