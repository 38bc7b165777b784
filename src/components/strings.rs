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
    pub section: fn(u32) -> String,
    pub source_line: fn(&str, u32) -> String,
}

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
    section: |n| format!("第{n}部分"),
    source_line: |credit, n| format!("{credit}，第{n}部分"),
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
    section: |n| format!("section {n}"),
    source_line: |credit, n| format!("{credit}, section {n}"),
};

pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}
