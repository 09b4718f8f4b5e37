@testable import BookifyCore
import Foundation
import Testing

/// Image sizes come from the headers, once, when an image is loaded.
@Suite struct ImageSizeTests {
    @Test func pngGIFJPEGWebPAndSVGDeclareTheirSize() {
        #expect(ImageSize.read(Array(TestImage.png(seed: 1, size: 37)), type: .png) == ImageSize(width: 37, height: 37))
        let gif: [UInt8] = Array("GIF89a".utf8) + [0x40, 0x01, 0xC8, 0x00] + Array(repeating: 0, count: 10)
        #expect(ImageSize.read(gif, type: .gif) == ImageSize(width: 320, height: 200))
        // SOI, an APP0 segment, then SOF0 with height 480 and width 640.
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00,
                             0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0xE0, 0x02, 0x80, 0x03] + Array(repeating: 0, count: 20)
        #expect(ImageSize.read(jpeg, type: .jpeg) == ImageSize(width: 640, height: 480))
        var webp: [UInt8] = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8X".utf8) + Array(repeating: 0, count: 18)
        webp[24...26] = [0x7F, 0x02, 0x00]  // width - 1 = 639
        webp[27...29] = [0xDF, 0x01, 0x00]  // height - 1 = 479
        #expect(ImageSize.read(webp, type: .webp) == ImageSize(width: 640, height: 480))
        #expect(ImageSize.read(Array(#"<svg xmlns="http://www.w3.org/2000/svg" width="120px" height="80">"#.utf8), type: .svg)
                == ImageSize(width: 120, height: 80))
        #expect(ImageSize.read(Array(#"<svg viewBox="0 0 24 12.4">"#.utf8), type: .svg) == ImageSize(width: 24, height: 12))
        #expect(ImageSize.read(Array(#"<svg width="100%">"#.utf8), type: .svg) == nil)
    }

    /// Found by the fuzz driver in CI: a viewBox of 1e300 trapped converting to `Int`.
    @Test(arguments: ["1e300", "nan", "inf", "-5", "9e18"])
    func svgSizesNoImageCouldHaveAreIgnored(number: String) {
        let declared = #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(number)" height="80" viewBox="0 0 \#(number) 10">"#
        #expect(ImageSize.read(Array(declared.utf8), type: .svg) == nil)
        let fallsBack = #"<svg width="\#(number)" height="80" viewBox="0 0 30 10">"#
        #expect(ImageSize.read(Array(fallsBack.utf8), type: .svg) == ImageSize(width: 30, height: 10))
    }
}
