//! The map's frame. The boundaries and markers are drawn by the map issue's renderer.

use yew::prelude::*;

#[component]
pub fn MapFrame() -> Html {
    html! {
        <figure class="map" data-testid="map">
            <svg
                class="map__svg"
                viewBox="0 0 800 560"
                role="img"
                aria-label="内蒙古自治区地图 · Map of Inner Mongolia"
                preserveAspectRatio="xMidYMid meet"
            >
                <rect class="map__sea" x="0" y="0" width="800" height="560" rx="8" />
            </svg>
        </figure>
    }
}
