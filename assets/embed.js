// Host-page helper for iframe embeds: sets each widget iframe's height from its messages.
addEventListener("message",e=>{var d=e.data;if(!d||d.type!=="imreform:height"||!(d.height>0))return;for(var f of document.querySelectorAll("iframe"))if(f.contentWindow===e.source)f.style.height=Math.ceil(d.height)+"px"});
