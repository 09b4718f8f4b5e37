/// What TeX's math commands without arguments stand for: letters, operators, relations,
/// arrows, big operators and function names, as the characters MathML shows.
enum TeXSymbols {
    /// Greek letters: lower case italic (`mi`), upper case upright.
    static let greek: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε", "zeta": "ζ",
        "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "varkappa": "ϰ", "lambda": "λ",
        "mu": "μ", "nu": "ν", "xi": "ξ", "omicron": "ο", "pi": "π", "varpi": "ϖ", "rho": "ρ", "varrho": "ϱ",
        "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ",
        "psi": "ψ", "omega": "ω", "digamma": "ϝ",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
        "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
        "varGamma": "Γ", "varDelta": "Δ", "varTheta": "Θ", "varLambda": "Λ", "varXi": "Ξ", "varPi": "Π",
        "varSigma": "Σ", "varUpsilon": "Υ", "varPhi": "Φ", "varPsi": "Ψ", "varOmega": "Ω",
    ]

    /// Letter-like symbols, set as identifiers.
    static let letters: [String: String] = [
        "infty": "∞", "partial": "∂", "nabla": "∇", "hbar": "ℏ", "hslash": "ℏ", "ell": "ℓ", "Re": "ℜ", "Im": "ℑ",
        "aleph": "ℵ", "beth": "ℶ", "gimel": "ℷ", "wp": "℘", "emptyset": "∅", "varnothing": "∅", "imath": "ı",
        "jmath": "ȷ", "complement": "∁", "eth": "ð", "mho": "℧", "Finv": "Ⅎ", "Game": "⅁", "Bbbk": "𝕜",
    ]

    /// Operators, relations, arrows and punctuation, set as `mo`.
    static let operators: [String: String] = [
        // Binary operators
        "pm": "±", "mp": "∓", "times": "×", "div": "÷", "cdot": "⋅", "ast": "∗", "star": "⋆", "circ": "∘",
        "bullet": "∙", "cup": "∪", "cap": "∩", "sqcup": "⊔", "sqcap": "⊓", "vee": "∨", "lor": "∨", "wedge": "∧",
        "land": "∧", "setminus": "∖", "smallsetminus": "∖", "oplus": "⊕", "ominus": "⊖", "otimes": "⊗",
        "oslash": "⊘", "odot": "⊙", "dagger": "†", "ddagger": "‡", "amalg": "⨿", "uplus": "⊎", "wr": "≀",
        "diamond": "⋄", "bigtriangleup": "△", "bigtriangledown": "▽", "triangleleft": "◃", "triangleright": "▹",
        "lhd": "⊲", "rhd": "⊳", "unlhd": "⊴", "unrhd": "⊵", "ltimes": "⋉", "rtimes": "⋊", "dotplus": "∔",
        "centerdot": "⋅", "intercal": "⊺", "barwedge": "⌅", "veebar": "⊻", "boxplus": "⊞", "boxminus": "⊟",
        "boxtimes": "⊠", "boxdot": "⊡", "divideontimes": "⋇", "cdotp": "⋅", "neg": "¬", "lnot": "¬",
        // Relations
        "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "neq": "≠", "ne": "≠", "approx": "≈", "approxeq": "≊",
        "equiv": "≡", "sim": "∼", "simeq": "≃", "cong": "≅", "propto": "∝", "varpropto": "∝", "in": "∈",
        "notin": "∉", "ni": "∋", "owns": "∋", "subset": "⊂", "supset": "⊃", "subseteq": "⊆", "supseteq": "⊇",
        "subsetneq": "⊊", "supsetneq": "⊋", "nsubseteq": "⊈", "nsupseteq": "⊉", "sqsubset": "⊏", "sqsupset": "⊐",
        "sqsubseteq": "⊑", "sqsupseteq": "⊒", "ll": "≪", "gg": "≫", "lll": "⋘", "ggg": "⋙", "prec": "≺",
        "succ": "≻", "preceq": "⪯", "succeq": "⪰", "perp": "⊥", "parallel": "∥", "nparallel": "∦", "mid": "∣",
        "nmid": "∤", "vdash": "⊢", "dashv": "⊣", "models": "⊨", "vDash": "⊨", "Vdash": "⊩", "asymp": "≍",
        "doteq": "≐", "bowtie": "⋈", "smile": "⌣", "frown": "⌢", "leqslant": "⩽", "geqslant": "⩾",
        "lesssim": "≲", "gtrsim": "≳", "lessgtr": "≶", "gtrless": "≷", "nless": "≮", "ngtr": "≯", "nleq": "≰",
        "ngeq": "≱", "nsim": "≁", "ncong": "≇", "triangleq": "≜", "coloneqq": "≔", "eqqcolon": "≕", "coloneq": "≔",
        "therefore": "∴", "because": "∵", "colon": ":", "vcentcolon": ":",
        // Arrows
        "to": "→", "rightarrow": "→", "gets": "←", "leftarrow": "←", "leftrightarrow": "↔", "Rightarrow": "⇒",
        "Leftarrow": "⇐", "Leftrightarrow": "⇔", "implies": "⟹", "impliedby": "⟸", "iff": "⟺", "mapsto": "↦",
        "longmapsto": "⟼", "longrightarrow": "⟶", "longleftarrow": "⟵", "longleftrightarrow": "⟷",
        "Longrightarrow": "⟹", "Longleftarrow": "⟸", "Longleftrightarrow": "⟺", "uparrow": "↑",
        "downarrow": "↓", "updownarrow": "↕", "Uparrow": "⇑", "Downarrow": "⇓", "Updownarrow": "⇕",
        "nearrow": "↗", "searrow": "↘", "swarrow": "↙", "nwarrow": "↖", "hookrightarrow": "↪",
        "hookleftarrow": "↩", "rightharpoonup": "⇀", "rightharpoondown": "⇁", "leftharpoonup": "↼",
        "leftharpoondown": "↽", "rightleftharpoons": "⇌", "leftrightharpoons": "⇋", "leadsto": "⇝",
        "rightsquigarrow": "⇝", "twoheadrightarrow": "↠", "twoheadleftarrow": "↞", "rightarrowtail": "↣",
        "leftarrowtail": "↢", "circlearrowleft": "↺", "circlearrowright": "↻", "curvearrowleft": "↶",
        "curvearrowright": "↷", "nrightarrow": "↛", "nleftarrow": "↚", "nRightarrow": "⇏", "nLeftarrow": "⇍",
        "nleftrightarrow": "↮", "nLeftrightarrow": "⇎", "upuparrows": "⇈", "downdownarrows": "⇊",
        "rightrightarrows": "⇉", "leftleftarrows": "⇇", "Lsh": "↰", "Rsh": "↱", "restriction": "↾",
        // Logic, sets, dots and other symbols
        "forall": "∀", "exists": "∃", "nexists": "∄", "top": "⊤", "bot": "⊥", "angle": "∠", "measuredangle": "∡",
        "triangle": "△", "square": "□", "Box": "□", "blacksquare": "■", "checkmark": "✓", "dag": "†", "ddag": "‡",
        "S": "§", "P": "¶", "ldots": "…", "dots": "…", "dotsc": "…", "dotsb": "⋯", "dotsm": "⋯", "dotsi": "⋯",
        "dotso": "…", "cdots": "⋯", "vdots": "⋮", "ddots": "⋱", "prime": "′", "backprime": "‵", "degree": "°",
        "flat": "♭", "natural": "♮", "sharp": "♯", "clubsuit": "♣", "diamondsuit": "♢", "heartsuit": "♡",
        "spadesuit": "♠", "surd": "√", "lozenge": "◊", "blacklozenge": "⧫", "bigstar": "★", "circledS": "Ⓢ",
        "diagup": "╱", "diagdown": "╲", "sphericalangle": "∢", "yen": "¥", "pounds": "£", "copyright": "©",
        "%": "%", "$": "$", "#": "#", "&": "&", "_": "_", "{": "{", "}": "}", "|": "‖",
        // Delimiters that are also written as commands
        "langle": "⟨", "rangle": "⟩", "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉", "lbrace": "{",
        "rbrace": "}", "lbrack": "[", "rbrack": "]", "vert": "|", "Vert": "‖", "lvert": "|", "rvert": "|",
        "lVert": "‖", "rVert": "‖", "backslash": "∖", "ulcorner": "⌜", "urcorner": "⌝", "llcorner": "⌞",
        "lrcorner": "⌟", "lgroup": "⟮", "rgroup": "⟯", "lmoustache": "⎰", "rmoustache": "⎱",
    ]

    /// Big operators: set larger in display; `true` when their limits go under and over.
    static let bigOperators: [String: (String, limits: Bool)] = [
        "sum": ("∑", true), "prod": ("∏", true), "coprod": ("∐", true), "bigcup": ("⋃", true), "bigcap": ("⋂", true),
        "bigvee": ("⋁", true), "bigwedge": ("⋀", true), "bigoplus": ("⨁", true), "bigotimes": ("⨂", true),
        "bigodot": ("⨀", true), "biguplus": ("⨄", true), "bigsqcup": ("⨆", true),
        "int": ("∫", false), "iint": ("∬", false), "iiint": ("∭", false), "oint": ("∮", false),
        "oiint": ("∯", false), "oiiint": ("∰", false), "intop": ("∫", true), "smallint": ("∫", false),
    ]

    /// Function names set upright (`\sin`); `true` when their limits go under (`\lim`).
    static let functions: [String: Bool] = [
        "sin": false, "cos": false, "tan": false, "cot": false, "sec": false, "csc": false, "arcsin": false,
        "arccos": false, "arctan": false, "sinh": false, "cosh": false, "tanh": false, "coth": false, "sh": false,
        "ch": false, "th": false, "tg": false, "ctg": false, "cotg": false, "arctg": false, "arcctg": false,
        "log": false, "lg": false, "ln": false, "exp": false, "arg": false, "deg": false, "dim": false,
        "hom": false, "ker": false, "lim": true, "liminf": true, "limsup": true, "max": true, "min": true,
        "sup": true, "inf": true, "det": true, "gcd": true, "Pr": true, "injlim": true, "projlim": true,
    ]

    /// How `\lim`-like names with a space read.
    static let functionNames: [String: String] = ["liminf": "lim inf", "limsup": "lim sup", "injlim": "inj lim",
                                                  "projlim": "proj lim"]

    /// Spacing commands, in ems.
    static let spaces: [String: Double] = [
        ",": 3.0 / 18, "thinspace": 3.0 / 18, ":": 4.0 / 18, ">": 4.0 / 18, "medspace": 4.0 / 18, ";": 5.0 / 18,
        "thickspace": 5.0 / 18, "!": -3.0 / 18, "negthinspace": -3.0 / 18, "negmedspace": -4.0 / 18,
        "negthickspace": -5.0 / 18, "quad": 1, "qquad": 2, " ": 0.25, "enspace": 0.5, "space": 0.25,
        "nobreakspace": 0.25,
    ]

    /// Accents over their base: the mark and whether it stretches over a wide base.
    static let accents: [String: (String, stretchy: Bool)] = [
        "hat": ("^", false), "widehat": ("^", true), "bar": ("¯", false), "overline": ("‾", true),
        "vec": ("→", false), "overrightarrow": ("→", true), "overleftarrow": ("←", true),
        "overleftrightarrow": ("↔", true), "tilde": ("~", false), "widetilde": ("~", true), "dot": ("˙", false),
        "ddot": ("¨", false), "dddot": ("⃛", false), "acute": ("´", false), "grave": ("`", false),
        "breve": ("˘", false), "check": ("ˇ", false), "mathring": ("˚", false), "overbrace": ("⏞", true),
    ]

    /// Marks under their base.
    static let underMarks: [String: String] = ["underline": "_", "underbrace": "⏟", "underrightarrow": "→",
                                               "underleftarrow": "←", "underleftrightarrow": "↔"]

    /// Letters in Unicode's mathematical alphabets: `\mathbb{R}` is ℝ. Each alphabet gives the
    /// first capital's code point and the exceptions (letters Unicode had encoded before).
    static func styled(_ letter: Character, alphabet: String) -> String? {
        guard let ascii = letter.asciiValue else { return nil }
        let capital = (65...90).contains(ascii), small = (97...122).contains(ascii), digit = (48...57).contains(ascii)
        let offset = capital ? Int(ascii) - 65 : small ? Int(ascii) - 97 + 26 : Int(ascii) - 48
        let table: (capital: UInt32, digit: UInt32?, exceptions: [Character: String])
        switch alphabet {
        case "mathbb", "Bbb": table = (0x1D538, 0x1D7D8, ["C": "ℂ", "H": "ℍ", "N": "ℕ", "P": "ℙ", "Q": "ℚ", "R": "ℝ", "Z": "ℤ"])
        case "mathbf", "bf", "boldsymbol", "bm", "mathbfup": table = (0x1D400, 0x1D7CE, [:])
        case "mathcal", "mathscr", "cal": table = (0x1D49C, nil, ["B": "ℬ", "E": "ℰ", "F": "ℱ", "H": "ℋ", "I": "ℐ", "L": "ℒ",
                                                                  "M": "ℳ", "R": "ℛ", "e": "ℯ", "g": "ℊ", "o": "ℴ"])
        case "mathfrak", "frak": table = (0x1D504, nil, ["C": "ℭ", "H": "ℌ", "I": "ℑ", "R": "ℜ", "Z": "ℨ"])
        case "mathsf", "sf": table = (0x1D5A0, 0x1D7E2, [:])
        case "mathtt", "tt": table = (0x1D670, 0x1D7F6, [:])
        case "mathit", "it": table = (0x1D434, nil, ["h": "ℎ"])
        default: return nil
        }
        if let exception = table.exceptions[letter] { return exception }
        if digit { return table.digit.flatMap { Unicode.Scalar($0 + UInt32(offset)) }.map { String(Character($0)) } }
        guard capital || small else { return nil }
        return Unicode.Scalar(table.capital + UInt32(offset)).map { String(Character($0)) }
    }
}
