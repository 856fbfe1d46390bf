/* The rich-text editor's own buttons (django-prose-editor extension "LibraryPickers"):
 * - an image from the media library, inserted with its alternative text in the language of
 *   the field it goes into;
 * - a link to a project, park or article, written as a language-neutral address
 *   (/link/<kind>/<id>/) that the site resolves for each language when it shows the text.
 * Both list what the admin's JSON views return (portal/media_library/admin.py and
 * portal/news/admin.py). Words come through gettext, which js/admin-editors-desk.js answers
 * in the admin's language.
 */
import { Extension } from "django-prose-editor/editor"

const t = (text) => (window.gettext ? window.gettext(text) : text)

function fieldLanguage(editor) {
  const wrapper = editor.view.dom.closest(".prose-editor")
  const textarea = wrapper && wrapper.querySelector("textarea")
  return textarea && /_zh_hans$/.test(textarea.name) ? "zh_hans" : "en"
}

function element(tag, properties = {}, children = []) {
  const node = document.createElement(tag)
  Object.assign(node, properties)
  for (const child of children) {
    node.append(child)
  }
  return node
}

/* A dialog with a search box and a list that `render(items, list)` fills from `url`. */
function pickerDialog({ title, searchLabel, url, render, empty }) {
  const search = element("input", { type: "search", className: "vTextField" })
  const label = element("label", { className: "picker-search" }, [searchLabel, search])
  const list = element("div", { className: "picker-list", role: "list" })
  const status = element("p", { className: "picker-status", role: "status" })
  const close = element("button", { type: "button", className: "button", textContent: t("Close") })
  const dialog = element("dialog", { className: "prose-picker" }, [
    element("h2", { textContent: title }),
    label,
    status,
    list,
    element("div", { className: "picker-actions" }, [close]),
  ])
  close.addEventListener("click", () => dialog.close())
  dialog.addEventListener("close", () => dialog.remove())

  let asked = 0
  async function load() {
    const ask = ++asked
    const response = await fetch(`${url}?q=${encodeURIComponent(search.value)}`, {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
    if (ask !== asked) {
      return
    }
    const items = response.ok ? (await response.json()).items : []
    list.replaceChildren()
    status.textContent = items.length ? "" : empty
    render(items, list)
  }
  let timer = null
  search.addEventListener("input", () => {
    clearTimeout(timer)
    timer = setTimeout(load, 250)
  })
  document.body.append(dialog)
  dialog.showModal()
  search.focus()
  load()
  return dialog
}

function pickImage(editor, url) {
  const language = fieldLanguage(editor)
  const dialog = pickerDialog({
    title: t("Image from the media library"),
    searchLabel: t("Search the library"),
    url,
    empty: t("No image in the library matches. Upload it to the media library first."),
    render(items, list) {
      for (const item of items) {
        const alt = item[`alt_${language}`] || item.alt_en || item.alt_zh_hans || ""
        const button = element("button", { type: "button", className: "picker-image" }, [
          element("img", { src: item.thumbnail, alt: "", width: 120 }),
          element("span", { textContent: item[`title_${language}`] || item.title }),
        ])
        button.addEventListener("click", () => {
          editor
            .chain()
            .focus()
            .setImage({ src: item.src, alt, width: item.width, height: item.height })
            .run()
          dialog.close()
        })
        list.append(element("div", { role: "listitem" }, [button]))
      }
    },
  })
}

function pickLink(editor, url) {
  const dialog = pickerDialog({
    title: t("Link to a project, park or article"),
    searchLabel: t("Search by name"),
    url,
    empty: t("Nothing matches."),
    render(items, list) {
      for (const item of items) {
        const name = item.visible ? item.name : `${item.name} (${t("not public yet")})`
        const button = element("button", { type: "button", className: "picker-link" }, [
          element("span", { className: "picker-kind", textContent: item.kind_label }),
          " ",
          name,
        ])
        button.addEventListener("click", () => {
          const chain = editor.chain().focus()
          if (editor.state.selection.empty) {
            chain
              .insertContent({
                type: "text",
                text: item.name,
                marks: [{ type: "link", attrs: { href: item.href } }],
              })
              .run()
          } else {
            chain.extendMarkRange("link").setLink({ href: item.href }).run()
          }
          dialog.close()
        })
        list.append(element("div", { role: "listitem" }, [button]))
      }
    },
  })
}

export const LibraryPickers = Extension.create({
  name: "libraryPickers",

  addOptions() {
    return { imagesUrl: "", linksUrl: "" }
  },

  addMenuItems({ menu, buttons }) {
    const { imagesUrl, linksUrl } = this.options
    if (imagesUrl) {
      menu.defineItem({
        name: "libraryImage",
        groups: "link",
        command(editor) {
          pickImage(editor, imagesUrl)
        },
        button: buttons.material("image", "Image from the media library"),
      })
    }
    if (linksUrl) {
      menu.defineItem({
        name: "internalLink",
        groups: "link",
        command(editor) {
          pickLink(editor, linksUrl)
        },
        button: buttons.material("link", "Link to a project, park or article"),
      })
    }
  },
})
