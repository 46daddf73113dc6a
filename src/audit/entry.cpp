#include "audit/entry.h"

#include <nlohmann/json.hpp>

#include "core/crypto.h"

namespace atb::audit {

std::string canonical(std::int64_t seq, const Entry& e) {
  nlohmann::json a = nlohmann::json::array();
  a.push_back(seq);
  a.push_back(e.at);
  if (e.user_id) a.push_back(*e.user_id); else a.push_back(nullptr);
  for (const std::string* s : {&e.username, &e.role, &e.action, &e.entity_type, &e.entity_id,
                               &e.reason, &e.outcome, &e.request_id, &e.remote}) {
    a.push_back(*s);
  }
  return a.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string chain_hash(const std::string& prev_hash, std::int64_t seq, const Entry& e) {
  return crypto::sha256_hex(prev_hash + canonical(seq, e));
}

}  // namespace atb::audit
