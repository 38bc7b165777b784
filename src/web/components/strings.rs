//! The interface's own words (not the article's), in both languages.

use crate::content::Lang;

pub struct Strings {
    pub close: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub show_data: &'static str,
    pub hide_data: &'static str,
    pub key_figures: &'static str,
    pub practices: &'static str,
    pub in_context: &'static str,
    pub photo: &'static str,
    pub derived: &'static str,
    pub overview: &'static str,
    pub themes: &'static str,
    pub themes_hint: &'static str,
    pub site: &'static str,
    pub addresses: &'static str,
    pub does_not_address: &'static str,
    pub opened: &'static str,
    pub overview_shown: &'static str,
    pub map_description: &'static str,
    pub sites: &'static str,
    pub share: &'static str,
    pub link_copied: &'static str,
    pub copy_link: &'static str,
    /// The link to a card's figures as CSV.
    pub get_data: &'static str,
    pub section: fn(u32) -> String,
    pub source_line: fn(&str, u32) -> String,
    /// The language's own name, on its button of the language switch.
    pub language_name: &'static str,
    /// The kiosk's attract prompt.
    pub touch_to_explore: &'static str,
    /// The kiosk's reset countdown, and its button.
    pub returning_in: fn(u32) -> String,
    pub stay: &'static str,
    /// A kiosk card's QR code, for screen readers.
    pub qr_label: &'static str,
    /// Where the overview's figures stand in the article.
    pub introduction: &'static str,
    /// "label:" with the language's colon.
    pub label_colon: fn(&str) -> String,
    /// The map's accessible name, its credit line, scale bar, inset caption and legend's star.
    pub map_label: &'static str,
    pub map_credit: &'static str,
    pub kilometres: fn(&str) -> String,
    pub enlarged: &'static str,
    pub capital: &'static str,
    /// A marker's accessible name: number, name, kind.
    pub marker_name: fn(u32, &str, &str) -> String,
    /// The reader's build was asked for the kiosk's visit counts, which only the kiosk build has.
    pub counts_elsewhere: &'static str,
}

/// The kiosk operator's visit counts (the kiosk build only): title, what they hold, sessions
/// over the days counted, the chart's title, the table's total, and the buttons and
/// confirmation.
#[cfg(feature = "kiosk")]
pub struct CountStrings {
    pub visit_counts: &'static str,
    pub counts_note: &'static str,
    pub sessions_counted: fn(u64, Option<(&str, &str)>) -> String,
    pub cards_opened: &'static str,
    pub total: &'static str,
    pub download_csv: &'static str,
    pub reset_counts: &'static str,
    pub confirm_reset: &'static str,
    pub clear_counts: &'static str,
    pub cancel: &'static str,
}

/// Words shown in both languages at once, before the reader's is known or whatever it is.
pub struct Bilingual {
    pub language: &'static str,
    pub loading: &'static str,
    pub load_failed_en: &'static str,
    pub load_failed_zh: &'static str,
    pub try_again: &'static str,
    pub take_home: &'static str,
    pub crashed: &'static str,
    pub reload: &'static str,
}

pub const BILINGUAL: Bilingual = Bilingual {
    language: "语言 · Language",
    loading: "正在载入内容… · Loading the content…",
    load_failed_en: "This graphic's content could not be loaded",
    load_failed_zh: "内容文件有误，无法显示。",
    try_again: "重试 · Try again",
    take_home: "扫码带走这个故事 · Scan to take this story with you",
    crashed: "这张互动图表出错了。· Something went wrong in this graphic.",
    reload: "重新载入 · Reload",
};

const ZH: Strings = Strings {
    close: "关闭",
    previous: "上一个",
    next: "下一个",
    show_data: "显示数据",
    hide_data: "隐藏数据",
    key_figures: "关键数字",
    practices: "做法与模式",
    in_context: "文中其他数字",
    photo: "图片说明",
    derived: "推算",
    overview: "概览",
    themes: "五个方面",
    themes_hint: "选择一个方面，在地图上突出相关试点。",
    site: "试点",
    addresses: "涉及",
    does_not_address: "未提及",
    opened: "已打开试点",
    overview_shown: "显示概览",
    map_description: "地图显示内蒙古自治区12个盟市和7个产改试点。按方向键在试点之间移动，按回车或空格键打开试点介绍，按Esc键关闭。",
    sites: "七个试点",
    share: "分享",
    link_copied: "链接已复制：",
    copy_link: "复制此链接：",
    get_data: "数据下载",
    section: |n| format!("第{n}部分"),
    source_line: |credit, n| format!("{credit}，第{n}部分"),
    language_name: "中文",
    touch_to_explore: "触摸屏幕，开始探索",
    returning_in: |n| format!("{n} 秒后返回概览"),
    stay: "继续浏览",
    qr_label: "二维码：用手机打开这个故事",
    introduction: "导语",
    label_colon: |label| format!("{label}："),
    map_label: "内蒙古自治区地图：12个盟市与7个产改试点",
    map_credit: "地图数据：Apache ECharts 4.9.0（Apache-2.0 许可）；阿尔伯斯等积圆锥投影",
    kilometres: |km| format!("{km} 公里"),
    enlarged: "局部放大",
    capital: "★ 首府",
    marker_name: |n, name, kind| format!("{n} {name}，{kind}"),
    counts_elsewhere: "访问统计只在展台版本（kiosk/）中。",
};

const EN: Strings = Strings {
    close: "Close",
    previous: "Previous",
    next: "Next",
    show_data: "Show data",
    hide_data: "Hide data",
    key_figures: "Key figures",
    practices: "Practices and models",
    in_context: "Other numbers in the article",
    photo: "Photo caption",
    derived: "derived",
    overview: "Overview",
    themes: "The five themes",
    themes_hint: "Choose a theme to highlight the pilots that address it on the map.",
    site: "Pilot",
    addresses: "addresses",
    does_not_address: "not mentioned",
    opened: "Opened pilot",
    overview_shown: "Showing the overview",
    map_description: "The map shows Inner Mongolia's 12 leagues and cities and the 7 reform pilot sites. Use the arrow keys to move between sites, Enter or Space to open one, and Escape to close it.",
    sites: "The seven pilots",
    share: "Share",
    link_copied: "Link copied: ",
    copy_link: "Copy this link: ",
    get_data: "Get the data",
    section: |n| format!("section {n}"),
    // The credit ends with its own full stop ("… Translation by the graphics desk."): the
    // section is a sentence of its own after it, not a clause glued to the stop.
    source_line: |credit, n| {
        let credit = credit.trim_end().trim_end_matches('.');
        format!("{credit}. Section {n} of the article.")
    },
    language_name: "English",
    touch_to_explore: "Touch to explore",
    returning_in: |n| format!("Returning to the overview in {n} s"),
    stay: "Stay",
    qr_label: "QR code: open this story on your phone",
    introduction: "introduction",
    label_colon: |label| format!("{label}: "),
    map_label: "Map of Inner Mongolia: 12 leagues and cities, 7 reform pilot sites",
    map_credit: "Map data: Apache ECharts 4.9.0 (Apache-2.0); Albers equal-area projection",
    kilometres: |km| format!("{km} km"),
    enlarged: "Enlarged",
    capital: "★ Capital",
    marker_name: |n, name, kind| format!("{n} {name}, {kind}"),
    counts_elsewhere: "Visit counts are in the kiosk build (kiosk/) only.",
};

pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

#[cfg(feature = "kiosk")]
const COUNTS_ZH: CountStrings = CountStrings {
    visit_counts: "访问统计",
    counts_note: "只在本机记录次数：不含任何个人信息，也不记录任何人的停留时间。",
    sessions_counted: |n, span| match span {
        Some((from, to)) => format!("{from} 至 {to}：{n} 次访问（触摸结束待机画面）"),
        None => "尚无记录".to_owned(),
    },
    cards_opened: "各试点卡片打开次数",
    total: "合计",
    download_csv: "下载 CSV",
    reset_counts: "清零",
    confirm_reset: "清除全部访问统计？此操作无法撤销。",
    clear_counts: "清除",
    cancel: "取消",
};

#[cfg(feature = "kiosk")]
const COUNTS_EN: CountStrings = CountStrings {
    visit_counts: "Visit counts",
    counts_note: "Counts kept on this kiosk only: nothing about any person, and no one's time.",
    sessions_counted: |n, span| match span {
        Some((from, to)) => {
            format!("{from} to {to}: {n} sessions (a touch that ended the attract loop)")
        }
        None => "Nothing counted yet".to_owned(),
    },
    cards_opened: "Cards opened per pilot",
    total: "Total",
    download_csv: "Download CSV",
    reset_counts: "Reset",
    confirm_reset: "Clear all the visit counts? This cannot be undone.",
    clear_counts: "Clear",
    cancel: "Cancel",
};

/// The visit counts' words in `lang` (the kiosk build only).
#[cfg(feature = "kiosk")]
pub fn count_strings(lang: Lang) -> &'static CountStrings {
    match lang {
        Lang::Zh => &COUNTS_ZH,
        Lang::En => &COUNTS_EN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cards_source_line_puts_one_full_stop_between_the_credit_and_the_section() {
        let line = strings(Lang::En).source_line;
        assert_eq!(
            line("Source: \"A\". Translation by the graphics desk.", 5),
            "Source: \"A\". Translation by the graphics desk. Section 5 of the article."
        );
        assert_eq!(
            line("Source: A ", 2),
            "Source: A. Section 2 of the article."
        );
        assert_eq!(
            (strings(Lang::Zh).source_line)("资料来源：《甲》", 4),
            "资料来源：《甲》，第4部分"
        );
    }
}
