@testable import BookifyCore
import Foundation
import Testing

/// TeX math to the formula tree (what the EPUB prints as MathML): the structures each construct
/// makes, the conversion table over the expression list, and hostile formulas.
@Suite struct TeXMathParserTests {
    private func outline(_ tex: String) -> String { TeXMathParser.parse(tex).node.outline }

    @Test func eachConstructMakesItsMathMLStructure() {
        #expect(outline("\\frac{a}{b}") == "mfrac(mi(a) mi(b))")
        #expect(outline("\\sqrt{\\pi}") == "msqrt(mi(π))")
        #expect(outline("\\sqrt[3]{x}") == "mroot(mi(x) mn(3))")
        #expect(outline("x_i^2") == "msubsup(mi(x) mi(i) mn(2))")
        #expect(outline("\\sum_{k=1}^{n} k") == "mrow(munderover(mo(∑) mrow(mi(k) mo(=) mn(1)) mi(n)) mi(k))")
        #expect(outline("\\int_0^1 f") == "mrow(msubsup(mo(∫) mn(0) mn(1)) mi(f))")
        #expect(outline("\\lim_{x\\to 0} x") == "mrow(munder(mi(lim) mrow(mi(x) mo(→) mn(0))) mi(x))")
        #expect(outline("\\mathbb{R}^n") == "msup(mi(ℝ) mi(n))")
        #expect(outline("\\hat{x}") == "mover(mi(x) mo(^))")
        #expect(outline("\\left( x \\right)") == "mrow(mo(() mi(x) mo()))")
        #expect(outline("\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}")
                == "mrow(mo(() mtable(mtr(mi(a) mi(b)) mtr(mi(c) mi(d))) mo()))")
        #expect(outline("\\text{if } x") == "mrow(mtext(if ) mi(x))")
        #expect(outline("3.14 + 10") == "mrow(mn(3.14) mo(+) mn(10))")
        #expect(outline("a \\ne b") == "mrow(mi(a) mo(≠) mi(b))")
        #expect(outline("a \\not\\in B") == "mrow(mi(a) mo(∉) mi(B))")
        #expect(outline("f'(x)") == "mrow(msup(mi(f) mo(′)) mo(() mi(x) mo()))")
    }

    /// TeX grows only `\left`/`\right` fences; a plain parenthesis is marked fixed, since MathML's
    /// dictionary would otherwise stretch it to the row (as Chromium did around `p(x)` beside ∏).
    @Test func onlyLeftAndRightFencesStretch() {
        let stretchiness = { (tex: String) -> [Bool?] in
            var found: [Bool?] = []
            func walk(_ node: MathNode) {
                switch node {
                case .op(let symbol, let form) where symbol == "(" || symbol == ")": found.append(form.stretchy)
                case .row(let nodes): nodes.forEach(walk)
                case .scripts(let base, let sub, let sup): walk(base); sub.map(walk); sup.map(walk)
                default: break
                }
            }
            walk(TeXMathParser.parse(tex).node)
            return found
        }
        #expect(stretchiness("p(x)") == [false, false])
        #expect(stretchiness(#"\left( x \right)"#) == [true, true])
        #expect(stretchiness(#"\big( x \big)"#) == [false, false])
    }

    @Test func unknownCommandsAreErrorsThatKeepTheRest() {
        let (node, unknown) = TeXMathParser.parse("\\foo{x} + 1")
        #expect(unknown == ["\\foo"])
        #expect(node.outline == "mrow(merror(\\foo) mi(x) mo(+) mn(1))")
        #expect(TeXMathParser.parse("\\def\\x{\\x}\\x").unknownCommands.first == "\\def")
    }

    /// Every expression of the list (written from KaTeX's documented syntax) converted: the
    /// table of how many convert without an error, and at least 95% of them do.
    @Test func theExpressionListConverts() throws {
        let list = TestPaths.packageRoot.appendingPathComponent("Tests/BookifyTests/Fixtures/math/tex-expressions.txt")
        let expressions = try String(contentsOf: list, encoding: .utf8).split(separator: "\n")
            .map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }
        let failed = expressions.filter { TeXMathParser.parse($0).node.hasError }
        let converted = expressions.count - failed.count
        print("TeX conversion: \(expressions.count) expressions tried, \(converted) converted, \(failed.count) with errors:")
        for expression in failed { print("  \(expression)  →  \(TeXMathParser.parse(expression).unknownCommands.joined(separator: ", "))") }
        #expect(expressions.count >= 300)
        #expect(Double(converted) >= 0.95 * Double(expressions.count), "\(failed)")
    }

    /// Hostile formulas end as one error and a problem to warn about (nothing is expanded, and
    /// depth and length are capped, so none can loop or exhaust the stack).
    @Test func hostileFormulasAreErrorsNotHangs() {
        let braces = String(repeating: "{", count: 10_000) + "x" + String(repeating: "}", count: 10_000)
        let huge = String(repeating: "x+", count: 500_000)
        let fractions = String(repeating: "\\frac{1}{", count: 5_000) + String(repeating: "}", count: 5_000)
        for tex in [braces, huge, fractions, "\\def\\a{\\a\\a}\\a", "}{", "\\left( x", "\\begin{pmatrix} a", "x^", "\\frac{a}"] {
            let (node, problems) = TeXMathParser.parse(tex)
            #expect(node.hasError && !problems.isEmpty, "\(tex.prefix(40))")
        }
    }
}
