#include "common/digest.h"

#include <nettle/sha1.h>
#include <nettle/sha2.h>

#include <array>
#include <cstdint>

namespace pb::digest {

namespace {

// Nettle rather than OpenSSL: libcrypto costs every process start 4-5 ms to map and relocate
// (measured on this project's CI machine), Nettle under one, and these two hashes are all
// postbinder needs. (libcurl still brings libcrypto when a build goes online, on another thread.)
std::string sha256(std::string_view data) {
  sha256_ctx context;
  sha256_init(&context);
  sha256_update(&context, data.size(), reinterpret_cast<const std::uint8_t*>(data.data()));
  std::array<std::uint8_t, SHA256_DIGEST_SIZE> out{};
  sha256_digest(&context, out.size(), out.data());
  return std::string(reinterpret_cast<const char*>(out.data()), out.size());
}

std::string sha1(std::string_view prefix, std::string_view data) {
  sha1_ctx context;
  sha1_init(&context);
  sha1_update(&context, prefix.size(), reinterpret_cast<const std::uint8_t*>(prefix.data()));
  sha1_update(&context, data.size(), reinterpret_cast<const std::uint8_t*>(data.data()));
  std::array<std::uint8_t, SHA1_DIGEST_SIZE> out{};
  sha1_digest(&context, out.size(), out.data());
  return std::string(reinterpret_cast<const char*>(out.data()), out.size());
}

std::string to_hex(std::string_view bytes) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char byte : bytes) {
    out += digits[byte >> 4];
    out += digits[byte & 0x0F];
  }
  return out;
}

}  // namespace

std::string sha256_hex(std::string_view data) {
  return to_hex(sha256(data));
}

std::string uuid_v5(std::string_view name) {
  // RFC 4122 namespace for URLs: 6ba7b811-9dad-11d1-80b4-00c04fd430c8.
  static constexpr unsigned char url_namespace[16] = {0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
                                                      0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};
  std::string bytes = sha1(std::string_view(reinterpret_cast<const char*>(url_namespace), 16), name).substr(0, 16);
  bytes[6] = static_cast<char>((static_cast<unsigned char>(bytes[6]) & 0x0F) | 0x50);
  bytes[8] = static_cast<char>((static_cast<unsigned char>(bytes[8]) & 0x3F) | 0x80);
  const std::string hex = to_hex(bytes);
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" +
         hex.substr(20);
}

}  // namespace pb::digest
