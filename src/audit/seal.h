// The seal of the audit chain's end. The hash chain shows any change inside the log, but
// someone with write access to the database could append well-formed entries, or cut the
// newest ones, and move the head. The head therefore carries an HMAC of (last_seq, last_hash)
// under a key derived from the key file, which lives outside the database: without the key
// file nobody can move the end of the chain unnoticed.
#pragma once

#include <cstdint>
#include <string>

#include "core/secret_box.h"

namespace atb::audit {

/// Sets the process-wide seal key (32 bytes). Without a key, heads are written unsealed ("")
/// and verification cannot check the seal.
void set_seal_key(std::string key);
/// Sets the seal key derived from the key file's secret box (what servers and the CLI do).
void set_seal_key_from(const SecretBox& box);
/// Whether a key is set.
bool has_seal_key();
/// HMAC-SHA256(key, seq ‖ hash) as hex, or "" without a key.
std::string seal(std::int64_t seq, const std::string& hash);

}  // namespace atb::audit
