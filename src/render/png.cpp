#include "render/detail/png.hpp"

#include <cairo.h>
#include <librsvg/rsvg.h>

#include <cmath>
#include <memory>
#include <stdexcept>

namespace etr2nn::render {
namespace {

struct GObjectUnref {
  void operator()(RsvgHandle* h) const { g_object_unref(h); }
};
struct SurfaceDestroy {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDestroy {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::string svg_to_png(const std::string& svg, unsigned width) {
  if (width > max_png_width)
    throw std::invalid_argument("PNG width " + std::to_string(width) + " is above " +
                                std::to_string(max_png_width) + " pixels");
  GError* error = nullptr;
  std::unique_ptr<RsvgHandle, GObjectUnref> handle(
      rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &error));
  if (!handle) {
    const std::string why = error ? error->message : "unknown error";
    if (error) g_error_free(error);
    throw std::runtime_error("librsvg cannot read the drawing: " + why);
  }
  gdouble svg_width = 0, svg_height = 0;
  if (!rsvg_handle_get_intrinsic_size_in_pixels(handle.get(), &svg_width, &svg_height) ||
      svg_width <= 0 || svg_height <= 0)
    throw std::runtime_error("librsvg: the drawing has no pixel size");
  const double scale = width == 0 ? 1.0 : width / svg_width;
  const int w = width == 0 ? static_cast<int>(std::ceil(svg_width)) : static_cast<int>(width);
  const int h = std::max(1, static_cast<int>(std::lround(svg_height * scale)));
  std::unique_ptr<cairo_surface_t, SurfaceDestroy> surface(
      cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error("cairo cannot make a " + std::to_string(w) + " x " +
                             std::to_string(h) + " image");
  {
    std::unique_ptr<cairo_t, ContextDestroy> cr(cairo_create(surface.get()));
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    const RsvgRectangle viewport{0, 0, static_cast<double>(w), svg_height * scale};
    if (!rsvg_handle_render_document(handle.get(), cr.get(), &viewport, &error)) {
      const std::string why = error ? error->message : "unknown error";
      if (error) g_error_free(error);
      throw std::runtime_error("librsvg cannot draw the drawing: " + why);
    }
  }
  std::string png;
  if (cairo_surface_write_to_png_stream(surface.get(), append, &png) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error("cairo cannot encode the PNG");
  return png;
}

}  // namespace etr2nn::render
