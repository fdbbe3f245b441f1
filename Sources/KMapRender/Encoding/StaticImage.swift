internal import CCairo
import KMapCompose

/// The image of a scene's static layers (`Scene.staticCount`), kept while they stay the same.
///
/// Every PNG frame starts from this image, copied over the whole frame, and draws the rest of its items on it.
/// The image is remade whenever the frame's size, background or static items differ from the ones it was made
/// from, so a frame's bytes depend only on its scene: the image it starts from is, pixel for pixel, the one a
/// fresh image would be. Items draw with no Cairo state left by earlier items (`CairoSceneRenderer.draw`), so
/// drawing the rest on a copy gives what drawing everything at once would.
final class StaticImage {
    private var surface: OpaquePointer?
    private var key: Key?

    private struct Key: Equatable {
        var width: Int32, height: Int32, scale: Double
        var background: Color?
        var items: ArraySlice<SceneItem>
    }

    deinit { if let surface { cairo_surface_destroy(surface) } }

    /// Copies the image of `scene`'s background and static items at `scale` over all of `target`, making it first
    /// when the one kept does not match.
    func copy(_ scene: Scene, scale: Double, onto target: OpaquePointer, workspace: FrameWorkspace) throws(RenderError)
    {
        let width = cairo_image_surface_get_width(target)
        let height = cairo_image_surface_get_height(target)
        let wanted = Key(
            width: width, height: height, scale: scale, background: scene.background,
            items: scene.items[..<scene.staticCount])
        if key != wanted || surface == nil {
            if let surface { cairo_surface_destroy(surface) }
            surface = nil
            key = nil
            let canvas = try CairoCanvas(
                surface: cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height)!,
                during: "creating a \(width)×\(height) image")
            cairo_scale(canvas.cr, scale, scale)
            CairoSceneRenderer.paintBackground(scene.background, canvas.cr)
            for item in wanted.items {
                try CairoSceneRenderer.draw(item, onImage: canvas.cr, scale: scale, in: workspace)
            }
            try canvas.check(during: "drawing the static layers")
            surface = cairo_surface_reference(canvas.surface)
            key = wanted
        }
        let cr = cairo_create(target)!
        defer { cairo_destroy(cr) }
        cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE)
        cairo_set_source_surface(cr, surface, 0, 0)
        cairo_paint(cr)
    }
}
