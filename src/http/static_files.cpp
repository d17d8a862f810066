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

StaticFiles::FileMap StaticFiles::load(const std::string& root) {
  FileMap files;
  if (root.empty() || !fs::is_directory(root)) return files;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    std::string rel = "/" + fs::relative(e.path(), root).generic_string();
    // Vite puts content-hashed names under /assets: they never change, so cache them for a year.
    bool immutable = rel.rfind("/assets/", 0) == 0;
    files[rel] = File{mime_of(e.path()), ss.str(), immutable};
  }
  return files;
}

StaticFiles::StaticFiles(const std::string& root) : files_(load(root)) {}

size_t StaticFiles::mount(std::string prefix, const std::string& root,
                          std::vector<std::string> navigation_prefixes) {
  while (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
  FileMap files = load(root);
  size_t n = files.size();
  if (n == 0 || prefix.empty()) return 0;
  mounts_.push_back(Mount{std::move(prefix), std::move(files), std::move(navigation_prefixes)});
  return n;
}

Response StaticFiles::make(const File& f) const {
  Response r;
  r.content_type = f.content_type;
  r.body = f.body;
  r.headers.emplace_back("Cache-Control", f.immutable ? "public, max-age=31536000, immutable" : "no-cache");
  return r;
}

std::optional<Response> StaticFiles::serve_mount(const Mount& m, std::string_view path,
                                                 bool spa_fallback) const {
  auto index = m.files.find("/index.html");
  if (path == m.prefix) {  // "/h5" → "/h5/": the app's relative routes resolve under the prefix
    Response r;
    r.status = 301;
    r.content_type = "text/plain; charset=utf-8";
    r.headers.emplace_back("Location", m.prefix + "/");
    return r;
  }
  if (path.size() > m.prefix.size() && path.starts_with(m.prefix) && path[m.prefix.size()] == '/') {
    std::string_view rel = path.substr(m.prefix.size());
    if (auto it = m.files.find(std::string(rel)); it != m.files.end() && rel != "/") return make(it->second);
    if (!spa_fallback || index == m.files.end())
      return std::nullopt;  // a missing file is a 404, not the admin's
    return make(index->second);
  }
  if (spa_fallback && index != m.files.end())
    for (const auto& p : m.navigation_prefixes)
      if (path.starts_with(p)) return make(index->second);
  return std::nullopt;
}

std::optional<Response> StaticFiles::serve(std::string_view path, bool spa_fallback) const {
  for (const auto& m : mounts_) {
    bool inside = path == m.prefix || (path.starts_with(m.prefix) && path.size() > m.prefix.size() &&
                                       path[m.prefix.size()] == '/');
    if (auto r = serve_mount(m, path, spa_fallback); r || inside) return r;
  }
  if (files_.empty()) return std::nullopt;
  if (auto it = files_.find(std::string(path)); it != files_.end() && path != "/") return make(it->second);
  if (!spa_fallback) return std::nullopt;
  auto index = files_.find("/index.html");
  if (index == files_.end()) return std::nullopt;
  return make(index->second);
}

}  // namespace zc::http
