#include "http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace zc::http {

namespace fs = std::filesystem;

static std::string mime_of(const fs::path& p) {
  static const std::unordered_map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".ico", "image/x-icon"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json"},
      {".webp", "image/webp"}};
  auto it = types.find(p.extension().string());
  return it == types.end() ? "application/octet-stream" : it->second;
}

StaticFiles::StaticFiles(const std::string& root) {
  if (root.empty() || !fs::is_directory(root)) return;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    std::string rel = "/" + fs::relative(e.path(), root).generic_string();
    // Vite puts content-hashed names under /assets: they never change, so cache them for a year.
    bool immutable = rel.rfind("/assets/", 0) == 0;
    files_[rel] = File{mime_of(e.path()), ss.str(), immutable};
  }
}

Response StaticFiles::make(const File& f) const {
  Response r;
  r.content_type = f.content_type;
  r.body = f.body;
  r.headers.emplace_back("Cache-Control", f.immutable ? "public, max-age=31536000, immutable" : "no-cache");
  return r;
}

std::optional<Response> StaticFiles::serve(std::string_view path, bool spa_fallback) const {
  if (files_.empty()) return std::nullopt;
  if (auto it = files_.find(std::string(path)); it != files_.end() && path != "/") return make(it->second);
  if (!spa_fallback) return std::nullopt;
  auto index = files_.find("/index.html");
  if (index == files_.end()) return std::nullopt;
  return make(index->second);
}

}  // namespace zc::http
