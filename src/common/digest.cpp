#include "common/digest.h"

#include <openssl/evp.h>

#include <array>
#include <cstdio>
#include <stdexcept>

namespace pb::digest {

namespace {

std::string hash(const EVP_MD* algorithm, std::string_view prefix, std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
  unsigned int size = 0;
  EVP_MD_CTX* context = EVP_MD_CTX_new();
  const bool ok = context && EVP_DigestInit_ex(context, algorithm, nullptr) == 1 &&
                  EVP_DigestUpdate(context, prefix.data(), prefix.size()) == 1 &&
                  EVP_DigestUpdate(context, data.data(), data.size()) == 1 &&
                  EVP_DigestFinal_ex(context, out.data(), &size) == 1;
  EVP_MD_CTX_free(context);
  if (!ok) throw std::runtime_error("OpenSSL digest failed");
  return std::string(reinterpret_cast<const char*>(out.data()), size);
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
  return to_hex(hash(EVP_sha256(), {}, data));
}

std::string uuid_v5(std::string_view name) {
  // RFC 4122 namespace for URLs: 6ba7b811-9dad-11d1-80b4-00c04fd430c8.
  static constexpr unsigned char url_namespace[16] = {0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
                                                      0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};
  std::string bytes =
      hash(EVP_sha1(), std::string_view(reinterpret_cast<const char*>(url_namespace), 16), name).substr(0, 16);
  bytes[6] = static_cast<char>((static_cast<unsigned char>(bytes[6]) & 0x0F) | 0x50);
  bytes[8] = static_cast<char>((static_cast<unsigned char>(bytes[8]) & 0x3F) | 0x80);
  const std::string hex = to_hex(bytes);
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" +
         hex.substr(20);
}

}  // namespace pb::digest
